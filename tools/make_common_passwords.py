"""Write ``dialog/services/common_passwords.txt``: passwords people pick first.

The list is generated here, not copied from any leak: the base words people reach for
(English and Swedish, sports, names, seasons, places, this tool's own words), keyboard walks
and digit runs, each with the endings people add (digits, years, ``!``). Only entries of at
least 12 characters are kept (shorter ones are refused for their length anyway), lower-cased.

    python tools/make_common_passwords.py
"""

from __future__ import annotations

from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "dialog" / "services" / "common_passwords.txt"
MIN_LENGTH = 12

BASES = """
password passw0rd p@ssword p@ssw0rd pass word secret letmein welcome welcome1 iloveyou
admin administrator root login master qwerty qwertz azerty abc abcd abcdef dragon monkey
football baseball soccer hockey basketball sunshine princess shadow superman batman
trustno1 starwars whatever freedom computer internet summer winter spring autumn
michael jennifer jessica daniel thomas robert charlie jordan hunter ashley andrew
matthew joshua george harley ranger buster tigger cookie pepper ginger maggie chelsea
liverpool arsenal chelsea manchester barcelona realmadrid juventus mustang corvette
ferrari porsche mercedes yamaha harley killer hello hello123 changeme default guest
test tester testing temp temporary access access14 love lovely loveme friend friends
family forever flower butterfly rainbow chocolate banana orange apple cheese pizza
samsung iphone google facebook youtube twitter instagram microsoft windows linux
asdf asdfgh zxcvbn qazwsx mypassword newpassword oldpassword nopassword
lösenord losenord hemligt hemlig hemligheter sommar vinter hösten hosten våren varen
fotboll ishockey innebandy handboll kärlek karlek älskling alskling sverige svenska
stockholm göteborg goteborg malmö malmo uppsala varberg halland falkenberg halmstad
kungsbacka västerås vasteras örebro orebro linköping linkoping helsingborg norrköping
jönköping jonkoping umeå umea lund borås boras gävle gavle sundsvall luleå lulea
kalle anna erik lars karin maria johan peter per eva lena sara emma elsa ella alice
maja wilma ebba olivia astrid saga alva lucas liam william hugo oscar elias noah adam
nils olle axel viktor anton filip isak leo ludvig ture ingrid hjalmar sixten
katten hunden kissekatt vovve häst hast hästar hastar glass godis kaffe fika
blåbär blabar jordgubbe midsommar julafton jul påsk pask nyår nyar kräftskiva
tjejer killar skolan skola kommun region polisen polis landsting vårdcentral
dialog workshop samtalsledare facilitator medskapande trygghet tillit samtal
förening forening ungdom unga föräldrar foraldrar vårdnadshavare vardnadshavare
abc123 qwe123 asd123 zxc123 aaa111 qweasd qweasdzxc qazwsxedc
""".split()  # noqa: SIM905 (a word list reads best as words)

WALKS = """
123456789012 1234567890123 12345678901234 123456789123 1234512345 123123123123
111111111111 000000000000 987654321098 098765432109 112233445566 123321123321
qwertyuiop qwertyuiopå qwertyuiopasdf qwertyuiopasdfgh qwertyuiop123 qwertyuiop1234
asdfghjkl asdfghjklö asdfghjklöä asdfghjkl123 zxcvbnm zxcvbnm123 zxcvbnm1234
1qaz2wsx3edc 1qaz2wsx3edc4rfv zaq12wsxcde3 zaq1xsw2cde3 qazwsxedcrfv 1q2w3e4r5t6y
1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i q1w2e3r4t5y6 qwerty123456 qwerty12345 asdf1234asdf
abcdefghijkl abcdefghijklm abcdef123456 abc123abc123 a1b2c3d4e5f6 password12345
""".split()  # noqa: SIM905 (a word list reads best as words)

ENDINGS = ["", "1", "12", "123", "1234", "12345", "123456", "!", "!!", "1!", "12!", "123!",
           "1234!", "?", ".", "#", "#1", "01", "007", "69", "99", "00", "11", "22", "321",
           "4321", "54321", "!@#", "123abc", "abc", "xyz", "2u", "4ever", "forever", "_1",
           *(str(year) for year in range(1960, 2031)),
           *(str(year) + "!" for year in range(2000, 2031))]

PREFIXES = ["", "my", "min"]


def candidates() -> set[str]:
    found: set[str] = set()
    for word in BASES:
        for prefix in PREFIXES:
            for ending in ENDINGS if not prefix else ENDINGS[:35]:
                found.add(prefix + word + ending)
        found.add(word + word)
        found.add(word + "123" + word)
    for walk in WALKS:
        for ending in ENDINGS[:20]:
            found.add(walk + ending)
    return {entry.lower() for entry in found if len(entry) >= MIN_LENGTH}


def main() -> None:
    entries = sorted(candidates())
    TARGET.write_text("\n".join(entries) + "\n", encoding="utf-8")
    print(f"{len(entries)} entries -> {TARGET}")


if __name__ == "__main__":
    main()
