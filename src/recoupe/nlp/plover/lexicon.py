"""recoupe's French trigger lexicon for PLOVER event types (written for this project).

Each line of :data:`VERBS` and :data:`NOUNS` reads ``lemma EVENT[/mode] [options]``:

* ``obj=a,b`` – the sense applies only when the object (or its first noun modifier) has one
  of these lemmas ("suspendre la coopération" is a sanction, "suspendre une parution" a
  censorship);
* ``not=a,b`` – the sense never applies with these objects ("se refuser à tout commentaire");
* ``<dest>`` in ``obj``/``not`` stands for a destination ("à Ankara", "en Russie"), ``<name>``
  for a proper name as object ("reconnaître la Croatie");
* ``prep=a,b`` – extra prepositions that introduce the target ("retirer ses troupes *du* Liban").

Senses of a lemma are tried in order: put the object-restricted ones first and a default last.
Lemmas with a space are reflexive or particle verbs matched by :func:`verb_key`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

VERBS = """
se_livrer PROTEST/riot obj=émeute,violence,pillage
se_livrer -
se_rendre - obj=coupable
se_refuser -
suspendre COERCE/censor obj=parution,publication,diffusion,journal
suspendre CONCEDE obj=sanction,embargo,couvre-feu,restriction,interdiction,poursuite,exécution,grève
suspendre RETREAT/ceasefire obj=offensive,frappe,bombardement,combat,hostilité,tir
suspendre SANCTION/discontinue
interrompre SANCTION/discontinue
geler SANCTION/discontinue
rompre SANCTION/discontinue obj=@links
couper SANCTION/discontinue obj=aide,financement,relation,lien,contact,pont
couper COERCE/withhold obj=électricité,eau,internet,gaz,approvisionnement,courant
réduire RETREAT/withdraw obj=troupe,effectif,contingent
réduire SANCTION/discontinue obj=aide,approvisionnement,relation,présence,financement,coopération
boycotter PROTEST/boycott
expulser SANCTION/expel obj=@envoys
expulser COERCE/deport
annuler SANCTION/discontinue obj=visite,rencontre,sommet,réunion,voyage,entretien,accord,contrat
annuler CONCEDE obj=grève,restriction,interdiction,mesure,sanction,décision,condamnation
mettre_fin SANCTION/discontinue obj=effort,médiation,coopération,mission,relation
sanctionner SANCTION
embargo SANCTION
contraindre SANCTION/expel obj=agence,organisation,mission,ong,diplomate
lever - obj=fonds,séance,voile,main
lever CONCEDE obj=état,couvre-feu,interdiction,sanction,restriction,embargo,mesure,loi
lever RETREAT/access obj=blocus,siège,barrage
prolonger COERCE/curfew obj=couvre-feu,état,détention,blocus,embargo
assouplir CONCEDE
alléger CONCEDE
accepter CONCEDE obj=demande,revendication,exigence,condition,ultimatum,requête
accepter AGREE
consentir AGREE
s'accorder AGREE
s'entendre AGREE obj=accord,principe,plan,texte
garantir AGREE obj=aide,soutien,sécurité,protection
céder CONCEDE
renoncer CONCEDE
abandonner CONCEDE obj=projet,plan,exigence,revendication,poursuite,charge,accusation
gracier CONCEDE
amnistier CONCEDE
autoriser RETREAT/access obj=accès,entrée,passage,acheminement,entrer,accéder,pénétrer
autoriser CONCEDE
convenir AGREE
proposer AGREE
promettre AGREE
offrir AID obj=million,milliard,dollar,euro,aide,don,tonne,vivre,médicament,somme,asile
offrir AGREE
s'engager AGREE
approuver AGREE
parvenir AGREE obj=accord,consensus,compromis,entente
conclure AGREE obj=accord,entente,trêve,compromis,cessez-le-feu
rencontrer CONSULT
s'entretenir CONSULT
recevoir RETREAT/access obj=mission,inspecteur,observateur,enquêteur
recevoir CONSULT obj=@leaders
accueillir CONSULT obj=@leaders,sommet,rencontre,réunion
accueillir AID obj=réfugié,migrant,demandeur,exilé,rescapé
se_rendre RETREAT/release not=<dest>
se_rendre CONSULT
visiter CONSULT
négocier CONSULT
discuter CONSULT
téléphoner CONSULT
consulter CONSULT
dialoguer CONSULT
s'entretenir_téléphoniquement CONSULT
se_réunir CONSULT
saluer SUPPORT
louer SUPPORT
remercier SUPPORT
se_féliciter SUPPORT
endosser SUPPORT
se_solidariser SUPPORT
féliciter SUPPORT
soutenir SUPPORT
appuyer SUPPORT
signer SUPPORT
ratifier SUPPORT
établir SUPPORT obj=relation,lien
rétablir SUPPORT obj=relation,lien,contact
rehausser SUPPORT obj=relation,lien
normaliser SUPPORT obj=relation
reconnaître SUPPORT obj=indépendance,état,gouvernement,souveraineté,<name>
pardonner SUPPORT
s'excuser SUPPORT
défendre SUPPORT
extrader COOPERATE
partager COOPERATE
coopérer COOPERATE
collaborer COOPERATE
échanger COOPERATE obj=information,renseignement,donnée
fournir AID
livrer FIGHT obj=combat,bataille,assaut,guerre
livrer AID
accorder RETREAT/access obj=accès
accorder AID obj=aide,asile,don,prêt,crédit,subvention,assistance,financement,soutien
donner AID obj=aide,don
faire_don AID
remettre RETREAT/release obj=liberté
remettre AID obj=médicament,aide,don,vivre,arme,matériel,tonne,kg
envoyer INVESTIGATE obj=inspecteur,enquêteur,expert,observateur,militaire
envoyer MOBILIZE/troops obj=renfort,char,navire,porte-avions,bombardier
envoyer AID
dépêcher INVESTIGATE obj=inspecteur,enquêteur,expert,observateur
dépêcher MOBILIZE/troops
octroyer AID
allouer AID
débloquer AID obj=aide,fonds,crédit,enveloppe,somme,million,milliard
verser AID obj=aide,fonds,somme,million,milliard,contribution
acheminer MOBILIZE/troops obj=@troops,renfort
acheminer AID
parachuter AID
financer AID
libérer RETREAT/release
restituer RETREAT/release
rapatrier RETREAT/withdraw obj=troupe,soldat,force,contingent
relâcher RETREAT/release
retirer SANCTION/withdraw obj=ambassadeur,diplomate,représentant,accréditation
retirer RETREAT/withdraw prep=de,du,des
se_retirer RETREAT/withdraw prep=de,du,des
évacuer RETREAT/withdraw
démissionner RETREAT/resign
démobiliser RETREAT/disarm
désarmer RETREAT/disarm
rouvrir RETREAT/access
enquêter INVESTIGATE
inspecter INVESTIGATE
examiner INVESTIGATE obj=plainte,allégation,accusation,affaire,cas
exiger DEMAND
réclamer DISAPPROVE obj=sanction
réclamer DEMAND
demander DEMAND
appeler DEMAND
exhorter DEMAND
sommer DEMAND
ordonner MOBILIZE/police obj=patrouille,déploiement,mobilisation
ordonner DEMAND
enjoindre DEMAND
inviter DEMAND
revendiquer DEMAND
solliciter DEMAND
chercher DEMAND obj=refuge,asile,protection
plaider DEMAND
presser DEMAND
implorer DEMAND
réitérer DEMAND obj=demande,appel,exigence
rappeler SANCTION/withdraw obj=ambassadeur,diplomate,représentant
rappeler DEMAND obj=devoir
faire_pression DEMAND
accuser DISAPPROVE/allege
condamner COERCE/arrest obj=prison,mort,peine,an,réclusion,perpétuité,emprisonnement
condamner DISAPPROVE/disapprove
dénoncer DISAPPROVE/disapprove
critiquer DISAPPROVE/disapprove
fustiger DISAPPROVE/disapprove
reprocher DISAPPROVE/allege
imputer DISAPPROVE/allege
blâmer DISAPPROVE/disapprove
déplorer DISAPPROVE/disapprove
mettre_en_cause DISAPPROVE/allege
vilipender DISAPPROVE/disapprove
stigmatiser DISAPPROVE/disapprove
suspecter DISAPPROVE/allege
soupçonner DISAPPROVE/allege
convoquer DISAPPROVE/disapprove
inculper DISAPPROVE/allege
protester DISAPPROVE/disapprove
poursuivre DISAPPROVE/allege obj=justice
rejeter REJECT
écarter REJECT obj=proposition,offre,demande,idée,plan,possibilité,option,appel
récuser REJECT
exclure REJECT obj=possibilité,option,idée,hypothèse,négociation
refuser REJECT not=commentaire,comment,commenter,réagir,confirmer,préciser
repousser REJECT
décliner REJECT
braver REJECT
défier REJECT
s'opposer REJECT
être_opposer REJECT
être_opposé REJECT
être_hostile REJECT
être_favorable SUPPORT
revenir REJECT obj=engagement,promesse,décision
menacer THREATEN
avertir THREATEN
mettre_en_garde THREATEN
brandir THREATEN
manifester PROTEST/demo
défiler PROTEST/demo
marcher PROTEST/demo obj=<dest>,sur
faire_grève PROTEST/strike
se_mettre PROTEST/strike obj=grève
occuper - obj=poste,fonction,place,rang,siège,présidence,terrain,esprit
occuper FIGHT/occupy obj=ville,village,territoire,région,localité,zone,position
occuper PROTEST/obstruct
se_mutiner PROTEST/riot
se_rassembler PROTEST/demo
bloquer REJECT obj=résolution,projet,accord,adhésion,texte,proposition,candidature,vote
bloquer PROTEST/obstruct
cesser PROTEST/strike obj=travail
cesser RETREAT/ceasefire obj=combat,hostilité,tir,feu,offensive,bombardement
lancer PROTEST/riot obj=pierre,projectile,caillou,cocktail
lancer FIGHT obj=missile,roquette,obus,drone,torpille
jeter PROTEST/riot obj=pierre,projectile,caillou,cocktail
déployer MOBILIZE/troops
mobiliser MOBILIZE/troops obj=@troops
mobiliser SUPPORT
masser MOBILIZE/troops
mettre_en_alerte MOBILIZE/troops
placer COERCE/arrest obj=détention,garde,résidence,isolement
placer MOBILIZE/troops obj=alerte
renforcer COERCE/restrict obj=blocus,embargo,restriction,contrôle
renforcer MOBILIZE/troops obj=troupe,présence,force,dispositif,effectif,contingent
arrêter RETREAT/ceasefire obj=combat,hostilité,tir,offensive,bombardement,frappe
arrêter SANCTION/discontinue obj=aide,coopération,livraison,financement,importation
arrêter COERCE/arrest
interpeller COERCE/arrest
incarcérer COERCE/arrest
emprisonner COERCE/arrest
détenir COERCE/arrest
interdire COERCE/restrict
censurer COERCE/censor
dissoudre COERCE/restrict
fermer SANCTION/discontinue obj=ambassade,consulat,frontière,espace
fermer COERCE/censor obj=journal,chaîne,radio,site,média,télévision
démolir COERCE/seize
raser COERCE/seize
réprimer ASSAULT
assigner COERCE/arrest
bannir COERCE/restrict
imposer COERCE/curfew obj=couvre-feu,loi,état
imposer SANCTION obj=sanction,embargo
imposer COERCE/restrict obj=restriction,blackout,black-out
décréter COERCE/restrict
confisquer COERCE/seize
saisir COERCE/seize obj=arme,bien,cargaison,explosif,navire
perquisitionner COERCE/seize
pirater COERCE/cyber
défigurer COERCE/cyber
faire_sauter COERCE
retenir COERCE/arrest
torturer ASSAULT/torture
enlever ASSAULT/abduct
kidnapper ASSAULT/abduct
assassiner ASSAULT/targeted
exécuter ASSAULT/targeted
tuer ASSAULT
massacrer ASSAULT
poignarder ASSAULT/primitive
lyncher ASSAULT/beat
prendre_en_otage ASSAULT/abduct
faire_exploser ASSAULT/explosives
se_faire_exploser ASSAULT/explosives
blesser ASSAULT
attaquer ASSAULT
frapper ASSAULT/beat
disperser ASSAULT
bombarder FIGHT/aerial
capturer FIGHT/occupy obj=ville,village,localité,base,position,aéroport
encercler FIGHT/occupy
riposter FIGHT
s'affronter FIGHT
se_battre FIGHT
pilonner FIGHT/artillery
envahir FIGHT/occupy
s'emparer FIGHT/occupy
reprendre FIGHT/occupy obj=village,ville,localité,position,contrôle,colline,base
tirer ASSAULT obj=gaz,lacrymogène
tirer FIGHT not=leçon,conclusion,parti,bilan,profit,sonnette,alarme,trait
être_toucher FIGHT obj=tir,frappe,missile,roquette,obus,drone,bombe,balle,projectile
être_viser FIGHT obj=tir,frappe,missile,roquette,obus,drone,attaque,bombardement
s'abattre -
abattre FIGHT
s'occuper -
s'arrêter -
se_défendre -
se_plier CONCEDE
se_soumettre CONCEDE
ouvrir RETREAT/access obj=frontière,passage,point,corridor,accès,espace
démanteler RETREAT/disarm obj=programme,arsenal,arme,barrage,installation,site,colonie
mettre_terme SANCTION/discontinue obj=effort,médiation,coopération,mission,relation
mettre_en_état MOBILIZE/troops obj=alerte
mettre_en_état COERCE/arrest obj=arrestation
mettre_en_détention COERCE/arrest
mettre_en_examen DISAPPROVE/allege
mettre_en_demeure DEMAND
mettre_à_sac PROTEST/riot
porter_plainte DISAPPROVE/allege
opposer_veto REJECT
ouvrir_feu FIGHT
faire_feu FIGHT
rendre_hommage SUPPORT
rendre_visite CONSULT
rendre_arme RETREAT/disarm
déposer_arme RETREAT/disarm
passer_à_tabac ASSAULT/beat
prendre_contrôle FIGHT/occupy
prendre_d'assaut FIGHT
livrer_combat FIGHT
livrer_bataille FIGHT
venir_en_aide AID
porter_porter_assistance AID
attaquer_en_justice DISAPPROVE/allege
poursuivre_en_justice DISAPPROVE/allege
traduire_en_justice DISAPPROVE/allege
demander_pardon SUPPORT
descendre_dans_rue PROTEST/demo
se_mettre_d'accord AGREE
tomber_d'accord AGREE
se_ranger SUPPORT
se_concerter CONSULT
converser CONSULT
réitérer_appel DEMAND
applaudir SUPPORT
se_réjouir SUPPORT
plébisciter SUPPORT
nouer SUPPORT obj=relation,lien,contact,alliance,partenariat
renouer SUPPORT obj=relation,lien,contact,dialogue
entériner SUPPORT
honorer SUPPORT obj=mémoire,victime
parrainer SUPPORT
se_prononcer_en_faveur SUPPORT
parapher SUPPORT
s'allier COOPERATE
équiper AID
armer AID
ravitailler AID
secourir AID
subventionner AID
prêter AID obj=argent,million,milliard,somme,fonds
abroger CONCEDE
commuer CONCEDE
accéder CONCEDE obj=demande,requête,revendication,exigence
satisfaire CONCEDE obj=demande,requête,revendication,exigence
capituler RETREAT
se_replier RETREAT/withdraw
quitter RETREAT/resign obj=pouvoir,poste,fonction,présidence,gouvernement
quitter RETREAT/withdraw obj=territoire,zone,région,ville,pays,base,position,sol
permettre RETREAT/access obj=accès,entrée,passage,acheminement
relaxer RETREAT/release
prier DEMAND
adjurer DEMAND
conjurer DEMAND
intimer DEMAND
requérir DEMAND
pousser DEMAND
encourager SUPPORT obj=effort,initiative,processus,dialogue,démarche,réforme
encourager DEMAND
désapprouver DISAPPROVE/disapprove
réprouver DISAPPROVE/disapprove
s'indigner DISAPPROVE/disapprove
s'insurger DISAPPROVE/disapprove
s'élever DISAPPROVE/disapprove
épingler DISAPPROVE/disapprove
tancer DISAPPROVE/disapprove
incriminer DISAPPROVE/allege
désavouer REJECT
ignorer REJECT obj=appel,ultimatum,demande,injonction,avertissement,mise
snober REJECT
intimider THREATEN
se_soulever PROTEST/riot
se_révolter PROTEST/riot
saccager PROTEST/riot
piller PROTEST/riot
barricader PROTEST/obstruct
positionner MOBILIZE/troops
appréhender COERCE/arrest
écrouer COERCE/arrest
déporter COERCE/deport
refouler COERCE/deport
reconduire COERCE/deport obj=frontière
exproprier COERCE/seize
nationaliser COERCE/seize
réquisitionner COERCE/seize
restreindre COERCE/restrict
museler COERCE/censor
instaurer COERCE/curfew obj=couvre-feu,état,loi
proclamer COERCE/curfew obj=couvre-feu,état,loi
capturer COERCE/arrest
égorger ASSAULT
décapiter ASSAULT
fusiller ASSAULT/firearms
violer FIGHT obj=cessez-le-feu,trêve,espace,frontière
violer - obj=accord,loi,règle,résolution,souveraineté,droit,engagement,embargo,sanction
violer ASSAULT
séquestrer ASSAULT/abduct
rapter ASSAULT/abduct
matraquer ASSAULT/beat
tabasser ASSAULT/beat
agresser ASSAULT/beat
molester ASSAULT/beat
brutaliser ASSAULT/beat
lapider ASSAULT/primitive
mutiler ASSAULT
incendier ASSAULT
poser ASSAULT/explosives obj=bombe,engin,explosif,mine
combattre FIGHT not=terrorisme,corruption,pauvreté,criminalité,trafic,épidémie,maladie,fléau
affronter FIGHT not=crise,difficulté,défi,élection,problème,concurrence,situation
mitrailler FIGHT
canonner FIGHT/artillery
annexer FIGHT/occupy
"""

NOUNS = """
sanction SANCTION
expulsion SANCTION/expel obj=diplomate,ambassadeur
embargo SANCTION
rupture SANCTION/discontinue
expulsion COERCE/deport
grève PROTEST/strike
manifestation PROTEST/demo
rassemblement PROTEST/demo
émeute PROTEST/riot
boycott PROTEST/boycott
blocus COERCE/restrict
couvre-feu COERCE/curfew
ultimatum THREATEN
menace THREATEN
protestation DISAPPROVE/disapprove
condamnation DISAPPROVE/disapprove
accusation DISAPPROVE/allege
plainte DISAPPROVE/allege
refus REJECT
rejet REJECT
appel DEMAND
exigence DEMAND
veto REJECT
black-out REJECT
négociation CONSULT
pourparler CONSULT
médiation CONSULT
entretien CONSULT
rencontre CONSULT
sommet CONSULT
visite CONSULT
conversation CONSULT
réunion CONSULT
discussion CONSULT
manœuvre COOPERATE
exercice COOPERATE
soutien SUPPORT
solidarité SUPPORT
excuse SUPPORT
accord AGREE
consensus AGREE
cessez-le-feu AGREE
aide AID
enquête INVESTIGATE
inspection INVESTIGATE
investigation INVESTIGATE
retrait RETREAT/withdraw
libération RETREAT/release
échange RETREAT/release
invasion FIGHT/occupy
raid FIGHT/aerial
incursion FIGHT/ground
embuscade ASSAULT
enlèvement ASSAULT/abduct
massacre ASSAULT
arrestation COERCE/arrest
rafle COERCE/arrest
bouclage COERCE/restrict
fermeture COERCE/restrict obj=frontière,point,passage,route,accès,école,mosquée,église,journal
fermeture SANCTION/discontinue obj=ambassade,consulat
déploiement MOBILIZE/troops
mobilisation MOBILIZE/troops
alerte MOBILIZE/troops
marche PROTEST/demo
sit-in PROTEST/demo
démission RETREAT/resign
évacuation RETREAT/withdraw
offensive FIGHT
frappe FIGHT/aerial
tir FIGHT
bombardement FIGHT/aerial
combat FIGHT
affrontement FIGHT
feu FIGHT/artillery not=vert,rouge,artifice,forêt,brousse,joie
attentat ASSAULT/explosives
attaque ASSAULT
assassinat ASSAULT/targeted
tentative ASSAULT obj=assassinat
bataille FIGHT
accrochage FIGHT
escarmouche FIGHT
pilonnage FIGHT/artillery
assaut FIGHT
contre-offensive FIGHT
attentat-suicide ASSAULT/explosives
tuerie ASSAULT
lynchage ASSAULT/beat
prise ASSAULT/abduct obj=otage
avertissement THREATEN
réprobation DISAPPROVE/disapprove
félicitation SUPPORT
hommage SUPPORT
appui SUPPORT
éloge SUPPORT
assistance AID
don AID
livraison AID obj=arme,armement,munition,vivre,aide,médicament,matériel
secours AID
coopération COOPERATE
extradition COOPERATE
patrouille COOPERATE obj=conjoint,commun,mixte
capitulation RETREAT
repli RETREAT/withdraw
condoléance SUPPORT
reddition RETREAT
désarmement RETREAT/disarm
démobilisation RETREAT/disarm
entrevue CONSULT
consultation CONSULT
conférence CONSULT not=presse
dialogue CONSULT
renfort MOBILIZE/troops
concentration MOBILIZE/troops obj=@troops
défilé PROTEST/demo not=militaire,mode
mutinerie PROTEST/riot
soulèvement PROTEST/riot
révolte PROTEST/riot
blocage PROTEST/obstruct
débrayage PROTEST/strike
jeûne PROTEST/hunger
gel CONCEDE obj=colonisation,colonie,construction
gel SANCTION/discontinue
suspension CONCEDE obj=sanction,embargo,couvre-feu,restriction,interdiction,poursuite,exécution
suspension SANCTION/discontinue
interpellation COERCE/arrest
perquisition COERCE/seize
saisie COERCE/seize
interdiction COERCE/restrict
censure COERCE/censor
confiscation COERCE/seize
démolition COERCE/seize
déportation COERCE/deport
"""


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word: its event, mode and object conditions."""

    lemma: str
    event: str
    mode: str | None = None
    objects: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    preps: frozenset[str] = field(default_factory=frozenset)

    def fits(self, objects: set[str]) -> bool:
        """Whether this sense applies to a trigger with these object lemmas."""
        if objects & self.excluded:
            return False
        return not self.objects or bool(objects & self.objects)


def _parse(text: str) -> dict[str, list[Sense]]:
    out: dict[str, list[Sense]] = {}
    for line in text.strip().splitlines():
        lemma, label, *options = line.split()
        event, _, mode = label.partition("/")
        opts = dict(o.split("=", 1) for o in options)
        sense = Sense(
            lemma.replace("_", " "),
            event,
            mode or None,
            frozenset(_items(opts.get("obj"))),
            frozenset(_items(opts.get("not"))),
            frozenset(_items(opts.get("prep"))),
        )
        out.setdefault(sense.lemma, []).append(sense)
    return out


#: Object groups shared by several senses (``obj=@links``).
GROUPS: dict[str, list[str]] = {
    "links": [
        "relation",
        "dialogue",
        "lien",
        "contact",
        "coopération",
        "discussion",
        "négociation",
        "pourparler",
        "engagement",
        "participation",
    ],
    "envoys": [
        "diplomate",
        "ambassadeur",
        "inspecteur",
        "observateur",
        "chargé",
        "attaché",
        "représentant",
        "mission",
        "journaliste",
    ],
    "troops": [
        "troupe",
        "soldat",
        "réserviste",
        "force",
        "armée",
        "police",
        "militaire",
        "contingent",
        "unité",
        "homme",
        "réserve",
    ],
    "leaders": [
        "président",
        "ministre",
        "homologue",
        "chef",
        "dirigeant",
        "secrétaire",
        "délégation",
        "ambassadeur",
        "premier",
        "émissaire",
        "envoyé",
        "roi",
        "émir",
        "chancelier",
        "représentant",
        "vice-président",
    ],
}


def _items(value: str | None) -> list[str]:
    out: list[str] = []
    for item in value.split(",") if value else []:
        out.extend(GROUPS[item[1:]] if item.startswith("@") else [item])
    return out


@lru_cache(maxsize=1)
def verb_senses() -> dict[str, list[Sense]]:
    """Verb lemma (or "se rendre", "faire pression") → its senses, most specific first."""
    return _parse(VERBS)


@lru_cache(maxsize=1)
def noun_senses() -> dict[str, list[Sense]]:
    """Noun lemma → its senses."""
    return _parse(NOUNS)


#: Verbs that only frame another verb: intention, preparation, ability (never events).
INTENT_VERBS: frozenset[str] = frozenset(
    [
        "apprêter",
        "envisager",
        "préparer",
        "prévoir",
        "compter",
        "entendre",
        "vouloir",
        "projeter",
        "aller",
        "pouvoir",
        "souhaiter",
        "décider",
        "devoir",
        "chercher",
        "tenter",
        "continuer",
        "commencer",
    ]
)

#: Verbs whose object complement is a planned act ("s'apprête à", "envisage de").
PLAN_VERBS: frozenset[str] = frozenset(
    [
        "apprêter",
        "envisager",
        "préparer",
        "prévoir",
        "compter",
        "entendre",
        "vouloir",
        "projeter",
        "souhaiter",
    ]
)

#: Adjectives and nouns of readiness: "prêt à", "disposé à", "sur le point de".
READY_WORDS: frozenset[str] = frozenset(["prêt", "disposé", "point", "résolu", "décidé"])

#: Verbs of saying: their subject reports, it does not act.
SPEECH_VERBS: frozenset[str] = frozenset(
    [
        "dire",
        "déclarer",
        "affirmer",
        "indiquer",
        "annoncer",
        "préciser",
        "ajouter",
        "expliquer",
        "souligner",
        "confirmer",
        "rapporter",
        "assurer",
        "estimer",
        "juger",
        "écrire",
        "répéter",
        "informer",
        "prévenir",
        "rappeler",
        "conclure",
        "réaffirmer",
        "faire savoir",
        "citer",
        "noter",
        "relever",
        "signaler",
        "révéler",
        "publier",
        "communiquer",
        "insister",
    ]
)

#: Verbs of denial: the event in their complement did not happen.
DENIAL_VERBS: frozenset[str] = frozenset(["démentir", "nier", "réfuter", "contester"])

#: Words that negate a verb or its object.
NEGATORS: frozenset[str] = frozenset(
    ["ne", "n'", "pas", "jamais", "aucun", "aucune", "nullement", "guère", "ni"]
)
