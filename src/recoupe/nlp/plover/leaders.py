"""Well-known office holders that news copy names without their country ("Poutine a reçu …").

Hand-written for recoupe: heads of state and government, foreign ministers and heads of
international organisations who dominate French international news since the 1980s. Only
surnames that are distinctive on their own are listed (no "Khan", "Singh", "Johnson", and no
"Hollande", which names a country); a person introduced with a role or nationality in the
article is resolved from that instead (:mod:`.people`). Keys are folded surnames (or the
folded last part of a name the tokenizer keeps whole).
"""

from __future__ import annotations

from functools import lru_cache

from recoupe.nlp.gazetteer import fold

_TABLE = """
USA: reagan, clinton, obama, trump, biden, albright, powell, rumsfeld, cheney, kerry, pompeo,
  blinken, tillerson, kissinger
RUS: gorbatchev, eltsine, poutine, medvedev, lavrov, kozyrev, primakov, chevardnadze, peskov,
  zakharova
FRA: mitterrand, chirac, sarkozy, macron, fabius, juppe, vedrine, villepin
GBR: thatcher, blair, cameron, sunak, starmer
DEU: kohl, schroder, merkel, scholz, genscher
CHN: xiaoping, zemin, jintao, jinping, jiabao, keqiang
ISR: rabin, peres, netanyahou, netanyahu, sharon, olmert
PSE: arafat
SYR: assad, el-assad
IRN: khomeiny, khamenei, khatami, ahmadinejad, rohani, raissi, rafsandjani, zarif
EGY: moubarak, morsi, sissi
LBY: kadhafi
TUR: erdogan, davutoglu, ozal
UKR: zelensky, zelenski, porochenko, koutchma, iouchtchenko, ianoukovitch, kouleba
BLR: loukachenko
IND: modi, vajpayee
PAK: musharraf, moucharraf, bhutto
AFG: karzai, ghani
SRB: milosevic, vucic
HRV: tudjman
BIH: izetbegovic
ZAF: mandela, mbeki, zuma, ramaphosa
ZWE: mugabe
NGA: obasanjo, abacha, buhari
VEN: chavez, maduro
CUB: castro
BRA: bolsonaro
JPN: koizumi, kishida
SDN: bechir
UGA: museveni
RWA: kagame
COD: kabila, tshisekedi
CIV: gbagbo, ouattara
PER: fujimori
CHL: pinochet
HTI: aristide
PHL: duterte
IDN: suharto, soeharto
IGO: boutros-ghali, annan, guterres, stoltenberg, solana, barroso, juncker
"""


@lru_cache(maxsize=1)
def _leaders() -> dict[str, str]:
    out: dict[str, str] = {}
    for block in _TABLE.strip().split("\n"):
        if ":" in block:
            code, _, names = block.partition(":")
        else:
            names = block
        for name in names.split(","):
            if name.strip():
                out[fold(name.strip())] = code.strip()
    return out


@lru_cache(maxsize=65536)
def leader_country(surname: str) -> str | None:
    """The code of a well-known office holder's country (``IGO`` for the UN, NATO, the EU)."""
    return _leaders().get(fold(surname))
