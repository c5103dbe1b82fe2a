"""What the personal-data guard must see through, and what it must leave alone.

``EVASIONS``: ways people (or a test of the guard) rewrite a phone number, an email address
or a personnummer so that a naive pattern misses it. Every one must be flagged.
``ORDINARY``: ordinary Swedish perspective texts with numbers in them. None may be flagged:
a guard that holds every text with a time or a price in it teaches facilitators to approve
without reading.
"""

from __future__ import annotations

ZW = "\u200b"  # zero-width space
EN = "\u2013"  # en dash
EM = "\u2014"  # em dash

_PHONES = [
    "070.123.45.67", "(070) 123 45 67", "070/1234567", "070 123 45 67", "070-1234567",
    "0701234567", "070_123_45_67", f"070{EN}123 45 67", f"070{EM}1234567", "070 - 123 45 67",
    "0 7 0 1 2 3 4 5 6 7", "07 01 23 45 67", "+46 70 123 45 67", "+46701234567",
    "0046 70 123 45 67", "+46 (0)70-123 45 67", "[070] 123 45 67", "070.1234567",
    "070 / 123 45 67", "070,1234567", "08-123 456 78", "031-12 34 56", "0340-88 000",
    "073 9876543", "076.555.12.34", "(08) 123 45 6", "+4670 123 4567",
    "０７０－１２３ ４５ ６７",  # fullwidth digits and hyphen
    f"0{ZW}7{ZW}0{ZW}1{ZW}2{ZW}3{ZW}4{ZW}5{ZW}6{ZW}7",
    f"070{ZW}123{ZW}45{ZW}67", "070\u2060123\u206045\u206067", "070\u00ad1234567",
    "070\ufeff1234567", "070\u200c123\u200d4567", "070\u2012123\u221245 67",
    "070\u00b7123\u00b745\u00b767", "0 70-12 34 567",
]

_EMAILS = [
    "anna at example dot se", "anna(at)example.se", "anna @ example.se", "anna＠example.se",
    "anna@localhost", "anna [at] example [dot] se", "anna{at}example.se",
    "anna (at) example (dot) se",
    "anna snabel-a example punkt se", "anna snabela example.se", "anna AT example DOT se",
    "anna(AT)example(DOT)se", "anna at example.se", "anna @example.se", "anna@ example.se",
    "anna . svensson @ skolan . se", "anna.svensson(at)skolan(punkt)varberg(punkt)se",
    "anna[at]example.se", "anna<at>example.se", "ａｎｎａ＠ｅｘａｍｐｌｅ．ｓｅ",
    f"anna{ZW}@{ZW}example.se", f"an{ZW}na@exa{ZW}mple.se", "anna@example.se",
    "anna﹫example.se", "anna@gmail", "kalle.anka@skolan.varberg.se", "kalle_anka@hotmail.com",
    "anna+dialog@example.se", "anna at gmail dot com", "anna snabel-a gmail punkt com",
    "mejla anna (snabel-a) example.se", "anna at example punkt se",
    "anna punkt svensson snabel-a example punkt com", "anna dot svensson at example dot com",
    "anna.svensson snabel a example punkt se", "anna(at)example(dot)com",
]

_PERSONNUMMER = [
    "850709.9805", f"850709{EN}9805", "850709_9805", "850709-9805", "8507099805",
    "19850709-9805", "198507099805", "850709 9805", f"850709{EM}9805", "850709/9805",
    "85 07 09 - 98 05", "85-07-09-9805", "850709+9805", "1985-07-09-9805", "1985 07 09 9805",
    f"850709{ZW}9805", f"8{ZW}5{ZW}0{ZW}7{ZW}0{ZW}9{ZW}9{ZW}8{ZW}0{ZW}5", "８５０７０９－９８０５",
    "050101-1238", "20050101-1238", "701063-2391", "701063.2391", "850709 - 9805",
    "85.07.09.9805", "(850709) 9805",
]

#: Every text here holds personal data and must be flagged.
EVASIONS: list[str] = (
    [f"Ring mig på {number}" for number in _PHONES]
    + [f"Skriv till {address} om du vill veta mer" for address in _EMAILS]
    + [f"Mitt personnummer är {number}" for number in _PERSONNUMMER]
    + [f"{number} är mitt nummer" for number in _PHONES[:6]]
    + [f"Kontakt: {address}" for address in _EMAILS[:6]]
)

#: Ordinary perspectives with numbers, times, prices and dates: none may be flagged.
ORDINARY: list[str] = [
    "Fritidsgården borde vara öppen 18-22 på fredagar",
    "Vi var 25 personer på mötet 2024",
    "Det kostar 100 tkr per år",
    "Det kostar 120 tkr att hålla öppet en kväll i veckan",
    "Buss 3 går var 15:e minut",
    "Buss 4 går inte efter kl 22",
    "Vi träffas kl 18.30 i aulan",
    "Kl. 22–06 är det mörkt och tyst i centrum",
    "Jag går ut 3-4 gånger i veckan",
    "Mötet är 2026-11-30 i stadshuset",
    "Mellan 2019 och 2024 blev det bättre",
    "Åren 2020–2023 var svåra för många unga",
    "Ungefär 40 % av eleverna känner sig otrygga",
    "Bara 12,5 procent svarade på enkäten",
    "Det behövs 2 000 000 kr till belysning",
    "Budgeten är 1 200 000 kronor",
    "Vi var 30 elever i klass 9B",
    "Parken är öppen 06.00–23.00",
    "Det tar 10-15 minuter att cykla till skolan",
    "Gatlyktorna släcks kl 01.00 och tänds 05.30",
    "Jag har bott i Varberg i 15 år",
    "Mellan den 1/12 och 6/1 är det jullov",
    "Hus 12-14 på Västra vägen saknar belysning",
    "Linje 1, 2 och 3 borde gå oftare",
    "Kvällarna 19-21 är det fullt på fältet",
    "I åk 7-9 är det mest bråk på rasterna",
    "Vi behöver 3 fältassistenter till, inte 1",
    "Priset höjdes från 20 kr till 35 kr",
    "Skolan har 450 elever och 2 kuratorer",
    "Mejla gärna kommunen om det här",
    "Vi ses på fritidsgården at seven",
    "En punkt i taget, tack",
    "Det är 5 grader kallt och mörkt kl 16",
    "Sedan 2015-08-01 har det varit stängt",
    "30/11 är sista dagen",
    "Ring kommunen!",
    "Det var 100-150 personer på torget",
    "Hastigheten borde vara 30 km/h, inte 50 km/h",
    "Omkring 1 av 5 unga känner sig ensamma",
    "Vecka 45-47 är det prov",
    "Betyget steg från 12.5 till 14.2 poäng",
    "Rum 101 och 102 är alltid låsta",
    "Det är 2,5 km till närmaste fritidsgård",
    "Kl 7.15 går första bussen, kl 23.45 den sista",
    "@varbergskommun borde svara på Instagram",
    "Vi var 12 + 15 + 8 personer på tre kvällar",
    "Vi ses at school efter lunch",
    "Vi börjar klockan fem punkt",
    "Jag bor i Umeå punkt",
    "Mötet är 2026-11-30 18.30 i aulan",
    "Read more at kommunen.se if you like",
    "Postnumret är 903 25",
]
