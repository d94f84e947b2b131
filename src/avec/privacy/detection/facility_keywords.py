"""The keyword grammar of named care and social facilities, shared by the facility recognizers.

``FACILITY`` reads a keyword ("CHU", "EHPAD", "Centre hospitalier", "cabinet infirmier"...) and the
capitalised name after it; ``FACILITY_STOP`` holds the words that end such a name. The keyword
classes are written by hand because no offline package lists French care-facility types.
"""

from __future__ import annotations

import re

from avec.privacy.detection.place_patterns import UP


def words_of(text: str) -> list[str]:
    """The words of a hand-written word list."""
    return text.split()

FACILITY_KEYWORDS = (
    r"C\.?H\.?U\.?|C\.H\.|CHRU|CHR|CHI|CHS|CHG|CHIC|CHD|CH|GHU|GHT|GHR|GH|HIA|AP-HP|AP-HM|APHP|HCL|"
    r"(?i:centre\s+hospitalier(?:\s+universitaire|\s+r[ée]gional|\s+intercommunal|\s+sp[ée]cialis[ée]|"
    r"\s+g[ée]n[ée]ral|\s+d[ée]partemental)?)|(?i:h[ôo]pital(?:\s+priv[ée])?|h[ôo]pitaux|cliniques?|"
    r"polycliniques?|ehpad|e\.h\.p\.a\.d\.?|maison\s+de\s+retraite|maison\s+de\s+sant[ée]|r[ée]sidence|"
    r"foyer(?:\s+logement)?|"
    r"centre\s+de\s+m[ée]decine\s+physique\s+et\s+de\s+r[ée]adaptation|centre\s+de\s+(?:r[ée][ée]ducation|r[ée]adaptation|soins(?:\s+de\s+suite)?|sant[ée]|dialyse|"
    r"radiologie|lutte\s+contre\s+le\s+cancer|pmi|planification)|centre\s+pmi|centre\s+d['’]imagerie(?:\s+m[ée]dicale)?|institut|"
    # named pharmacies and labs, resource centres, GP out-of-hours centres, public mental health bodies,
    # Guyane's remote health centres: "Pharmacie du Port", "Maison médicale de garde de Dinan"
    r"pharmacie|laboratoire|labo|centre\s+ressources?|maison\s+m[ée]dicale(?:\s+de\s+garde)?|"
    r"[ée]tablissement\s+public\s+de\s+sant[ée](?:\s+mentale)?|"
    r"centre\s+d[ée]localis[ée]\s+de\s+pr[ée]vention\s+et\s+de\s+soins|"
    r"fondation|groupe\s+hospitalier|hospices?(?:\s+civils)?|maternit[ée]|dispensaire|"
    r"centre\s+m[ée]dical|centre\s+m[ée]dico-[a-z]+|p[ôo]le\s+sant[ée]|ssiad|ssr|smr|usld|"
    # "Centre Ophtalmologique Vision Plus", "centre psychothérapique de l'Ain": a centre and its specialty
    r"centre\s+[a-zà-ÿ]{4,}(?:ique|aire)s?|[ée]tablissement\s+fran[çc]ais\s+du\s+sang)|"
    r"MSP|SSIAD|SSR|SMR|CMP|CMPP|CMPEA|CAMSP|CMS|IME|ITEP|DITEP|ESAT|MAS|FAM|USLD|CHRS|CADA|MECS|HAD|HUDA|"
    r"SAMSAH|SAVS|SESSAD|MARPA|CCAS|CIAS|PMI|CSAPA|CAARUD|CATTP|EPSM|SAAD|SPASAD|CLIC|EHPA|IEM|IMPRO|IMPro|MMG|"
    r"SAJ|EEAP|LHSS|MDS|CDAS|UTPAS|CRA|EFS|ADMR|BAPU|PAEJ|"
    # coordination of care at home and poison centres: "DAC Flandre Maritime", "CPTS du Val", "CAPTV de Lille"
    r"DAC|CPTS|ESA|ESAD|PTA|MAIA|CAPTV|CRPV|EMSP|EMPP|"
    # mental health: peer-support groups, units for difficult patients, prison psychiatry
    r"GEM|UMD|UHSA|USIP|MJC|"
    # rehabilitation centres: "CRF Les Embruns", "CRF de Kerlenn" (round 14)
    r"CRF|"
    r"(?i:centre\s+social|espace\s+social|centre\s+communal\s+d['’]action\s+sociale|maison\s+d['’]enfants|"
    r"centre\s+maternel|foyer\s+de\s+vie|foyer\s+d['’]h[ée]bergement|maison\s+relais|pension\s+de\s+famille|"
    r"(?:maison|espace|p[ôo]le)\s+(?:d[ée]partemental(?:e)?\s+)?(?:des|de\s+la)\s+solidarit[ée]s?|"
    r"centre\s+d[ée]partemental\s+d['’]action\s+sociale|"
    r"cabinet\s+(?:de\s+|d['’])?(?:kin[ée]sith[ée]rapie|radiologie|imagerie(?:\s+m[ée]dicale)?|"
    r"orthophonie|podologie|anatomo-?(?:cyto-?)?pathologie|anatomie\s+(?:et\s+cytologie\s+)?pathologiques?|p[ée]dicurie|ophtalmologie|cardiologie|m[ée]dical|infirmiers?|dentaire|"
    r"sages?-femmes?|soins[ \t]+infirmiers|ide|idel|ost[ée]opathie|psychologie|di[ée]t[ée]tique|psychomotricit[ée])|"
    # practices, transport and occupational health named after their area ("Imagerie médicale du Parc",
    # "Ambulances de la Somme", "Santé au Travail Haute-Vienne"): a particle or a capital must follow
    r"imagerie[ \t]+m[ée]dicale(?=[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’]|DU|DES|DE[ \t]+LA|DE[ \t]+L['’]))|"
    r"kin[ée](?:sith[ée]rapie)?(?=[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’]))|"
    r"p[ôo]le[ \t]+m[ée]dical(?=[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’]))|"
    # a specialty practice or centre and mobile teams named after their area (round 14): "Cabinet de
    # neurologie du Val", "Centre d'ophtalmologie de la Cité", "équipe mobile de soins palliatifs du X"
    r"(?:cabinet|centre)[ \t]+(?:de[ \t]+|d['’])[a-zà-ÿ-]{3,}(?:logie|iatrie|p[ée]die)"
    r"(?=[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’]|de|d['’])[ \t]*[A-ZÀ-Ý])|"
    r"[ée]quipe[ \t]+mobile(?:[ \t]+(?:de[ \t]+soins[ \t]+palliatifs|de[ \t]+g[ée]riatrie|"
    r"psychiatrie[ \t]+pr[ée]carit[ée]))?(?=[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’]|de|d['’])[ \t]*[A-ZÀ-Ý])|"
    r"(?:ambulances(?:[ \t]+(?:et[ \t]+)?taxis?)?|taxis?)"
    r"(?=[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’]|DU|DES|DE[ \t]+LA|DE[ \t]+L['’]))|"
    r"(?:service[ \t]+(?:de[ \t]+)?(?:pr[ée]vention[ \t]+et[ \t]+(?:de[ \t]+)?)?)?sant[ée][ \t]+au[ \t]+travail|"
    r"service[ \t]+(?:de[ \t]+)?sant[ée][ \t]+(?:universitaire|[ée]tudiante)|"
    # youth, social and food-aid structures: "MJC de la Bottière", "Épicerie sociale Ar Gwenan"
    r"maison[ \t]+des[ \t]+jeunes[ \t]+et[ \t]+de[ \t]+la[ \t]+culture|maison[ \t]+de[ \t]+quartier|"
    r"centre[ \t]+socio-?culturel|espace[ \t]+de[ \t]+vie[ \t]+sociale|"
    # places of supervised visits and child-welfare homes (round 19): "Espace rencontre Le Petit Pont",
    # "Point Rencontre de Saint-Pierre", "Foyer départemental de l'enfance de X"
    r"(?:espace|point|lieu)[ \t]+(?:de[ \t]+)?rencontre|foyer[ \t]+d[ée]partemental[ \t]+de[ \t]+l['’][ \t]?enfance|"
    r"[ée]picerie[ \t]+(?:sociale|solidaire)|"
    # dialysis units: "Centre d'hémodialyse Les Ormeaux", "UNITE D'AUTODIALYSE DE LANNEMEZAN"
    r"centre[ \t]+d['’](?:h[ée]mo|auto-?)dialyse|unit[ée][ \t]+d['’](?:h[ée]mo|auto-?)dialyse|"
    r"unit[ée][ \t]+de[ \t]+dialyse|"
    r"foyer\s+d['’]accueil\s+m[ée]dicalis[ée]|centre\s+d['’]accueil|accueil\s+de\s+jour|maison\s+d['’]accueil\s+sp[ée]cialis[ée]e|h[ôo]tel\s+social|"
    # childcare and child-protection homes, named associations: "crèche Ti Marmaille",
    # "POUPONNIÈRE DE LIÉVIN", "Association Trait d'Union Médiation" (checked in facilities.py)
    r"(?:micro-cr[èe]che|cr[èe]che|halte-garderie|multi-accueil)(?:[ \t]+(?:collective|familiale|parentale|"
    r"municipale|associative|hospitali[èe]re|d['’]entreprise)(?![ \t]+(?i:(?:de|du|des)(?![\w'’])|d['’])))?|"
    # (a kind then "de <commune>" keeps the commune only: "crèche familiale de Vannes")
    r"pouponni[èe]re|association|"
    r"institut\s+m[ée]dico-[ée]ducatif|institut\s+th[ée]rapeutique,?\s+[ée]ducatif\s+et\s+p[ée]dagogique)"
)
# Words before a keyword that belong to the name ("Nouvelles Cliniques Nantaises").
_LEAD = r"(?:(?:Nouvel(?:le)?s?|Grand(?:e)?s?|NOUVEL(?:LE)?S?|GRAND(?:E)?S?)[ \t])?"
PARTICLE = r"(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux)"
# Lower-case connectors of foreign names between capitalised words ("A Casa di u Populu", "di i Zitelli").
_CONNECT = (
    r"(?:(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux|sur|sous|en|et|lès)"
    r"|di|da|do|dos|das|del|della|u|i|von|van|der|den|&)"
)
_SP = r"[ \t]{1,2}"
# Name characters, HTML entities included ("CHU Sud R&eacute;union" in a badly exported page).
_NAME_CHARS = r"(?:[\w'’\-]|&[a-z]{2,8};)*"
FACILITY = re.compile(
    r"(?<![\w-])" + _LEAD + r"(?P<kw>" + FACILITY_KEYWORDS + r")(?![\w-])"
    r"(?P<qual>(?:(?i:[ \t]+(?:de[ \t]+jour|de[ \t]+semaine|psychiatrique|g[ée]riatrique|priv[ée]|"
    r"de[ \t]+r[ée][ée]ducation(?:[ \t]+fonctionnelle)?|de[ \t]+convalescence)(?![\w-])|"
    r"[ \t]+(?:local|p[ée]diatrique|d['’]instruction[ \t]+des[ \t]+arm[ée]es|universitaires?|"
    r"europ[ée]en(?:ne)?|intercommunal|"
    r"m[ée]dico-chirurgical|sp[ée]cialis[ée]|pluriprofessionnelle|pluridisciplinaire|"
    r"d[ée]partemental(?:e)?|mutualiste|"
    # a rehabilitation unit's specialty (round 18): "SMR cardiologique de Saint-Yves", "SMR respiratoire Le X"
    r"cardiologique|respiratoire|neurologique|locomoteur|nutritionnel(?:le)?|addictologique|oncologique|"
    r"orthop[ée]dique|p[ée]dopsychiatrique|maritime|d['’]enfants|municipal(?:e)?|polyvalent(?:e)?|adultes?|"
    r"g[ée]n[ée]ral(?:e)?|fonctionnel(?:le)?|chirurgical(?:e)?|publi(?:c|que)|autonomie|services|moteur|sensoriel|"
    r"m[ée]dicalis[ée]e?|accueil|sociale|seniors?|enfants?-adolescents?|enfants?|adolescents?|infanto-juv[ée]nile)(?![\w-]))){0,2}+)"
    r"(?P<name>(?:" + _SP + r"(?:" + PARTICLE + r"(?:(?<=['’])|" + _SP + r"))?"
    r"(?:(?:Saint|Sainte|St|Ste|SAINT|SAINTE)[\s-])?[" + UP + r"]" + _NAME_CHARS + r")"
    r"(?:" + _SP + r"(?:" + _CONNECT + r"(?:(?<=['’])|" + _SP + r")){0,2}[" + UP + r"]" + _NAME_CHARS + r")*)"
)
FACILITY_STOP = set(
    words_of("""service pole unite departement secteur tel fax mail dr docteur pr professeur madame monsieur
    mme m mlle cedex urgences pavillon batiment consultation consultations hospitalisation etage
    chambre lit ipp nda patient patiente objet motif date ne nee avec pour par chez dans sans vers matin soir
    midi nuit domicile depuis apres avant puis site infirmier infirmiere medecin secretariat accueil admission
    admissions fiche compte destinataire expediteur niveau ou a""")
)
