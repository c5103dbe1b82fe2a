"""Every file and field of the open data, described once: the CSV writers and the README
both read this table, so the README can never miss a column."""

from __future__ import annotations

from dialog.publication.opendata_followup import FOLLOWUP_FILES, FOLLOWUP_OTHER_FILES

#: Why a count of participants is an empty cell: the values of every ``hidden`` column.
HIDDEN = ("Varför antalet är dolt: small = färre än 5; protecting = dold för att skydda en "
          "liten grupp (det näst minsta antalet, dolt så att den lilla gruppens antal inte kan "
          "räknas fram ur summan; det är 5 eller fler); tomt = antalet visas.")

#: file name -> (what the file holds, [(column, what it means)])
FILES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "perspectives.csv": ("Alla publicerade (godkända) perspektiv. Personuppgifter är ersatta med "
                         "[… borttaget].", [
        ("id", "Perspektivets nummer i processen (samma som #nummer på sidan och i rapporten)."),
        ("text", "Perspektivet med deltagarens egna ord, högst 500 tecken, ev. maskerat."),
        ("kind", "Slag: standpoint (ståndpunkt), feeling (känsla), idea (idé), thought (tanke)."),
        ("stakeholder_group", "Intressentgrupp som deltagaren själv valde; tomt om ingen."),
        ("phase", "Fas: inventering, larande_samtal eller konkretisering."),
        ("round", "Omgång av fasen (1, 2 …)."),
        ("date", "Datum då perspektivet skickades (ÅÅÅÅ-MM-DD, UTC)."),
        ("redacted", "true om texten maskerades för att den innehöll personuppgifter."),
        ("theme_id", "Tema som perspektivet hör till (se themes.csv); tomt utan karta."),
    ]),
    "reactions.csv": ("Reaktioner per perspektiv, summerade. Vem som reagerade "
                      "publiceras aldrig.", [
        ("perspective_id", "Perspektivets id."),
        ("agree", "Antal som håller med."),
        ("disagree", "Antal som inte håller med."),
        ("pass", "Antal som svarat vet inte / avstår."),
        ("total", "Summan av de tre."),
    ]),
    "themes.csv": ("Teman: grupper av perspektiv som hör ihop, från perspektivkartan.", [
        ("id", "Temats id; 0 är övrigt (perspektiv som inget annat hänger ihop med)."),
        ("label", "Temats namn, av dess vanligaste ord."),
        ("size", "Antal publicerade perspektiv i temat."),
        ("stakeholder_groups", "Intressentgrupper som uttryckt temat, separerade med |."),
        ("perspective_ids", "Perspektivens id, separerade med |."),
    ]),
    "opinion_groups.csv": ("Åsiktsgrupper: deltagare som reagerat likartat.", [
        ("id", "Åsiktsgruppens id."),
        ("participants", "Antal deltagare; tomt betyder dolt (se hidden)."),
        ("hidden", HIDDEN),
        ("representative_perspective_ids", "Perspektiv som utmärker gruppen, separerade med |."),
    ]),
    "participation_groups.csv": ("Deltagande per intressentgrupp.", [
        ("stakeholder_group", "Intressentgrupp; tomt = ingen grupp vald."),
        ("participants", "Antal deltagare; tomt betyder dolt (se hidden)."),
        ("hidden", HIDDEN),
        ("perspectives", "Antal publicerade perspektiv från gruppen."),
        ("standpoint", "Varav ståndpunkter."),
        ("feeling", "Varav känslor."),
        ("idea", "Varav idéer."),
        ("thought", "Varav tankar."),
    ]),
    "participation_ages.csv": ("Deltagande per åldersgrupp (frivilligt val, aldrig "
                               "födelsedatum).", [
        ("age_band", "Åldersgrupp, t.ex. 13-15; tomt = inte angiven."),
        ("participants", "Antal deltagare; tomt betyder dolt (se hidden)."),
        ("hidden", HIDDEN),
    ]),
    "alternatives.csv": ("Lösningsalternativ från konkretiseringen.", [
        ("id", "Alternativets id."),
        ("title", "Rubrik."),
        ("description", "Beskrivning."),
        ("outcome", "Utfall: open, accepted, accepted_with_dissent eller rejected."),
        ("supports", "Antal som stöder (senaste avstämningen)."),
        ("can_live_with", "Antal som kan leva med det."),
        ("objects", "Antal som invänder."),
        ("conditions", "Minoritetens villkor (vad som skulle krävas), separerade med |."),
        ("dissent_count", "Antal vars kvarstående invändning är protokollförd."),
        ("dissent_reasons", "Skälen för den protokollförda invändningen, separerade med |."),
        ("perspective_ids", "Perspektiv som alternativet bygger på, separerade med |."),
    ]),
    "proposals.csv": ("Förslag (\"ni sa, vi gör\") med ansvar, budget och status.", [
        ("id", "Förslagets id."),
        ("title", "Rubrik."),
        ("description", "Beskrivning."),
        ("owner", "Ansvarig roll eller organisation (aldrig en privatperson)."),
        ("budget_tkr", "Budget i tusental kronor (tkr)."),
        ("starts_on", "Startdatum."),
        ("ends_on", "Slutdatum."),
        ("goal", "Nämndens mål eller fokusområde som förslaget bidrar till."),
        ("indicators", "Uppföljningsindikatorer, separerade med |."),
        ("status", "Status: planned (planerad), ongoing (pågår), completed (genomförd), "
                   "closed (avslutad)."),
        ("alternative_ids", "Alternativ som förslaget kommer från, separerade med |."),
        ("perspective_ids", "Perspektiv som förslaget kan spåras till, separerade med |."),
    ]),
    "polis/comments.csv": ("Perspektiven i Polis exportformat (kan läsas av Polis-verktyg och "
                           "av `dialog import-polis`).", [
        ("timestamp", "Publiceringstid i millisekunder (inte när perspektivet skrevs)."),
        ("datetime", "Publiceringsdatum."),
        ("comment-id", "Perspektivets id."),
        ("author-id", "Tomt: vem som skrev publiceras inte."),
        ("agrees", "Antal som håller med."),
        ("disagrees", "Antal som inte håller med."),
        ("moderated", "1 = godkänt (bara godkända publiceras)."),
        ("comment-body", "Perspektivets text (ev. maskerad)."),
    ]),
    "polis/votes.csv": ("Reaktionerna en och en, med slumpade röstnummer som dras på nytt för "
                        "varje version och inte går att koppla till något annat.", [
        ("timestamp", "Publiceringstid i millisekunder (reaktionens tid publiceras inte)."),
        ("datetime", "Publiceringsdatum."),
        ("comment-id", "Perspektivets id."),
        ("voter-id", "Slumpat röstnummer, bara giltigt inom denna version."),
        ("vote", "1 håller med, -1 håller inte med, 0 vet inte."),
    ]),
}

#: Files that are not tables, described for the README.
OTHER_FILES: dict[str, str] = {
    "snapshot.json": "Hela den publicerade versionen som JSON: samma innehåll som sidan och "
                     "rapporten (process, faser, deltagande, perspektiv, karta, alternativ, "
                     "förslag, ändringar sedan förra versionen).",
    "perspectives.json": "Samma perspektiv som perspectives.csv, som JSON.",
    "reactions.json": "Samma som reactions.csv, som JSON.",
    "themes.json": "Teman med citat, som JSON.",
    "opinion_groups.json": "Åsiktsgrupper, samsyn (consensus) och det som delar (divisive).",
    "participation.json": "Deltagande per grupp, åldersgrupp och slag, som JSON.",
    "alternatives.json": "Alternativen med röstomgångar, villkor och protokollförd invändning.",
    "proposals.json": "Förslagen med statushistorik och spårning bakåt.",
    "map.graphml": "Perspektivkartan som graf (GraphML; öppnas i t.ex. Gephi). Noder: "
                   "perspective, theme, stakeholder_group, opinion_group; kanter: similar, "
                   "link, co_agreement, in_theme, voiced_by, agreed_by.",
}

# What happened next (decisions, money, indicators, conditions, evaluations).
FILES.update(FOLLOWUP_FILES)
OTHER_FILES.update(FOLLOWUP_OTHER_FILES)
