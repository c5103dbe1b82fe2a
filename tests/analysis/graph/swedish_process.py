"""A hand-made Swedish dialogue process about safety in a small town ("trygghet i Ådalen").

Twelve perspectives from three of the five stakeholder groups; polis and föreningsliv are
in the process but have said nothing yet. Four topics: the dark park at night, the youth
centre's opening hours, bullying in the school corridors (only skola speaks) and traffic
outside the school (only vårdnadshavare speak).
"""

from __future__ import annotations

from dialog.analysis.graph_model import ExplicitLink, PerspectiveInput

GROUPS = ["unga", "vårdnadshavare", "skola", "polis", "föreningsliv"]

PARK = [1, 2, 3]
YOUTH_CENTRE = [4, 5, 6]
BULLYING = [7, 8, 9]
TRAFFIC = [10, 11, 12]

PERSPECTIVES = [
    PerspectiveInput(1, "Det känns otryggt att gå hem genom parken på kvällen när "
                        "belysningen är trasig.", "feeling", "unga", "u1"),
    PerspectiveInput(2, "Parken behöver bättre belysning så att vi kan gå hem tryggt "
                        "på kvällarna.", "idea", "unga", "u2"),
    PerspectiveInput(3, "Jag oroar mig när mitt barn går hem genom den mörka parken "
                        "på kvällen.", "feeling", "vårdnadshavare", "v1"),
    PerspectiveInput(4, "Vi vill att fritidsgården ska vara öppen på kvällar och helger.",
                     "idea", "unga", "u3"),
    PerspectiveInput(5, "Fritidsgården stänger för tidigt, på kvällarna finns ingenstans "
                        "att vara.", "standpoint", "unga", "u1"),
    PerspectiveInput(6, "Skolan kan ordna aktiviteter tillsammans med fritidsgården "
                        "på kvällarna.", "idea", "skola", "s1"),
    PerspectiveInput(7, "Mobbningen sker i korridorerna där ingen vuxen finns.",
                     "standpoint", "skola", "s2"),
    PerspectiveInput(8, "Fler vuxna i korridorerna och på rasterna skulle minska "
                        "mobbningen.", "idea", "skola", "s1"),
    PerspectiveInput(9, "Mobbning i korridorerna och på rasterna måste tas på större allvar.",
                     "standpoint", "skola", "s3"),
    PerspectiveInput(10, "Bilarna kör för fort på gatan utanför skolan på morgonen.",
                     "standpoint", "vårdnadshavare", "v2"),
    PerspectiveInput(11, "Farthinder på gatan utanför skolan skulle göra skolvägen säkrare "
                         "för bilarna kör för fort.", "idea", "vårdnadshavare", "v1"),
    PerspectiveInput(12, "Det är otäckt när bilarna kör fort förbi skolan på morgonen.",
                     "feeling", "vårdnadshavare", "v3"),
]

# One contrasting view inside the park theme: explicit, drawn by the facilitator.
PARK_CONTRAST = ExplicitLink(3, 2, "contrasts_with")
BULLYING_CONTRAST = ExplicitLink(9, 8, "contrasts_with")
