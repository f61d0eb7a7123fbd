"""recoupe's own lexicon of French reporting cues (lemmas; spaCy's lemmatizer inflects them).

Written for recoupe from general French usage (no third-party list is copied). Verbs are
grouped by what they report so that callers can choose how wide to cast the net.
"""

from __future__ import annotations

#: Verbs of saying, stating and writing: they introduce direct and indirect speech.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    dire redire déclarer affirmer réaffirmer assurer certifier garantir jurer promettre
    annoncer indiquer préciser ajouter expliquer souligner insister marteler répéter rappeler
    confirmer démentir nier contester réfuter objecter rétorquer répliquer répondre riposter
    reconnaître admettre avouer concéder convenir confesser confier révéler divulguer
    raconter relater témoigner décrire détailler développer résumer conclure poursuivre
    enchaîner continuer lancer lâcher glisser souffler murmurer chuchoter crier s'écrier
    exclamer proclamer clamer tonner claironner asséner assener avertir prévenir menacer
    alerter mettre_en_garde dénoncer fustiger accuser reprocher critiquer condamner blâmer
    regretter déplorer féliciter saluer réjouir inquiéter alarmer indigner plaindre
    estimer juger considérer penser croire trouver qualifier commenter noter observer
    constater remarquer relever signaler mentionner évoquer avancer argumenter arguer
    plaider soutenir maintenir prétendre alléguer supputer pronostiquer prédire prévoir
    anticiper espérer souhaiter craindre redouter demander interroger questionner exiger
    réclamer appeler exhorter implorer supplier ordonner recommander conseiller suggérer
    proposer informer notifier communiquer écrire publier twitter tweeter annoncer
    ironiser plaisanter amuser railler moquer modérer nuancer tempérer relativiser
    expliciter spécifier stipuler affirmer jubiler s'emporter protester s'insurger
    renchérir surenchérir abonder acquiescer approuver reconnaitre rassurer démontrer
    """.split()
)

#: Verbs whose infinitive complement is reported content ("nie avoir trahi").
INFINITIVE_VERBS: frozenset[str] = frozenset(
    """
    nier démentir affirmer assurer dire déclarer estimer reconnaître admettre avouer
    annoncer promettre jurer prétendre contester réfuter penser croire espérer menacer
    accuser reprocher soupçonner
    """.split()
)

#: Prepositions that frame a source: "selon X, …", "d'après X, …".
SOURCE_FRAMES: tuple[str, ...] = (
    "selon",
    "d'après",
    "d’après",
    "à en croire",
    "a en croire",
    "de l'avis de",
    "de l’avis de",
    "aux yeux de",
)

#: Subject pronouns that point back to a speaker.
PRONOUNS: frozenset[str] = frozenset({"il", "elle", "ils", "elles", "on"})

#: Nouns that name a work, a product or a label: a quote right after one is a title.
WORK_NOUNS: frozenset[str] = frozenset(
    """
    film livre roman ouvrage album chanson titre émission série pièce spectacle magazine
    journal quotidien hebdomadaire revue rubrique opération programme plan projet loi
    décret fichier groupe page slogan marque label dossier baptême surnom nom mot
    baptisé baptisée intitulé intitulée surnommé surnommée appelé appelée dit dite
    nommé nommée rebaptisé rebaptisée
    """.split()
)

#: Lines that belong to an embedded tweet or social-media card, not to the article's speech.
TWEET_MARKERS: tuple[str, ...] = ("pic.twitter.com", "t.co/", "twitter.com/", "(@")

#: Nouns that stand for an organisation already named ("la banque", "le journal").
ORG_NOUNS: frozenset[str] = frozenset(
    """
    banque groupe établissement entreprise société compagnie firme journal quotidien
    hebdomadaire agence association organisation syndicat parti ministère gouvernement
    parquet tribunal cour fédération institution observatoire fonds caisse chaîne radio
    télévision comité conseil commission mouvement club équipe union collectif fondation
    laboratoire office autorité régime
    """.split()
)

#: Demonstratives that point to the last person named ("ce dernier", "celle-ci").
DEMONSTRATIVES: frozenset[str] = frozenset(
    {"ce dernier", "cette dernière", "celui-ci", "celle-ci", "lui", "elle-même", "lui-même"}
)
