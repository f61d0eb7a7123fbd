"""Lexicon of site furniture: the phrases that give a line of scraped text away as not article.

Each entry is a regular expression for one kind of furniture, in French first, then English
and German (the languages of the evaluation pages), with a few Spanish, Italian and Portuguese
forms. The rules in :mod:`recoupe.extract.textrules` decide *where* a phrase counts (a whole
short line, a line after the body, the opening of a block); this module only says what the
phrases are, so that adding a language is adding words here.
"""

from __future__ import annotations

import re

__all__ = [
    "COMMENTS_FORM",
    "COMMENTS_HEADER",
    "COOKIE",
    "FOLLOW",
    "NAVIGATION",
    "READ_MORE",
    "RELATED_HEADER",
    "SHARE",
    "SUBSCRIBE",
    "TAGS_HEADER",
    "phrase",
]


def phrase(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of ``alternatives`` as whole words."""
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


#: Cookie and consent notices (a phrase anywhere in the line is enough: they are verbose).
COOKIE = phrase(
    r"cookies?",
    r"traceurs",
    r"consentement",
    r"vous consentez",
    r"données personnelles",
    r"datenschutz\w*",
    r"privacy policy",
    r"politique de confidentialité",
    r"GDPR|RGPD|DSGVO",
)

#: Prompts to subscribe, register, log in or support the site.
SUBSCRIBE = phrase(
    r"s'abonner|abonnez-vous|abonnement|je m'abonne|newsletter|inscrivez-vous|s'inscrire",
    r"se connecter|connectez-vous|identifiez-vous|mot de passe oublié",
    r"subscribe|sign up|sign in|log in|login|register|create an account|unlock",
    r"abonnieren|abonnement|anmelden|registrieren|einloggen|jetzt testen|unterstütze",
    r"suscr[ií]bete|iscriviti|assine",
)

#: Prompts to follow the outlet elsewhere (social networks, apps, radio, alerts).
FOLLOW = phrase(
    r"suivez(?:-nous)?|suivre (?:le flux|sur|nous)|rejoignez-nous|retrouvez-nous|[ée]coutez radio",
    r"t[ée]l[ée]chargez l'application|notre chaîne|follow us|follow @\w+|like us on",
    r"folge(?:n sie)? uns|folgen sie|besuchen sie uns|jetzt downloaden",
    r"síguenos|seguici|siga-nos",
)

#: Headers opening a comment section (everything after them is readers' text or its form).
COMMENTS_HEADER = phrase(
    r"\d*\s*commentaires?|réagir|réagissez|ajouter un commentaire|laisser un commentaire",
    r"pour participer aux discussions",
    r"\d*\s*comments?|leave a (?:reply|comment)|add a comment|post a comment|join the discussion",
    r"\d*\s*kommentare?|schreibe einen kommentar|kommentar schreiben|diskutieren sie mit",
    r"\d*\s*comentarios?|deja un comentario|\d*\s*commenti|lascia un commento",
    r"qu'en pensez-vous|donnez votre avis|votre commentaire|annuler la réponse",
    r"what do you think|cancel reply|your comment|\d+ (?:thoughts|responses|replies) (?:on|to)",
    r"was denkst du|was meinen sie|kommentar verfassen|antwort(?:en)? abbrechen|dein kommentar",
    r"ihr kommentar|\d+ (?:antworten|gedanken) (?:auf|zu)",
)

#: Links that close a teaser ("Lire la suite", "Read more"): the lines above are another article.
READ_MORE = phrase(
    r"lire la suite|lire plus|voir plus|la suite",
    r"read more|continue reading|read the full (?:story|article)|more »",
    r"weiterlesen|mehr erfahren|mehr lesen|zum artikel|mehr »",
    r"leer más|leggi (?:tutto|di più)|leia mais",
)

#: Fields and counters of comment forms and threads.
COMMENTS_FORM = phrase(
    r"aucun commentaire|nom\s*/\s*pseudo|e-mail \(facultatif\)|site web \(facultatif\)",
    r"commenter via \w+|règles de conduite|pour participer aux discussions|signaler un abus|répondre",
    r"no comments yet|no responses?(?: so far)?|your email address will not be published",
    r"required fields are marked|notify me of|reply|log in to reply",
    r"keine kommentare|ihre e-mail-adresse wird nicht veröffentlicht|antworten",
)

#: Headers of "read also" / related-content blocks: the lines after them are other articles.
RELATED_HEADER = phrase(
    r"lire aussi|lire également|à lire aussi|à lire|consulter aussi|voir aussi|sur le même sujet",
    r"articles? (?:liés|similaires|recommandés)|dans la même rubrique|les plus lus|à voir aussi",
    r"read (?:also|more)|see also|related(?: posts| articles| stories| content)?|more from",
    r"you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular)|popular posts",
    r"lesen sie auch|auch interessant|mehr zum thema|das könnte sie auch interessieren",
    r"weitere (?:artikel|beiträge|themen)|ähnliche (?:artikel|beiträge)|meistgelesen",
    r"verwandte (?:artikel|beiträge)|zum thema|beliebte artikel|empfehlungen",
    r"lee también|te puede interesar|leggi anche|leia também",
)

#: A tag list header ("Tags: …", "Mots-clés", "Schlagwörter").
TAGS_HEADER = re.compile(
    r"^(?:tags?|mots?[- ]clés?|thèmes?|sujets?|étiquettes?|keywords?|topics?|schlagw[öo]rter|"
    r"stichw[öo]rter|themen|etiquetas|categor(?:y|ies|ie|ías))\s*:",
    re.IGNORECASE,
)

#: Share buttons and counters ("URL courte", "Partager", "Teilen", "Tweet").
SHARE = phrase(
    r"url courte|partager|partagez|imprimer|envoyer par (?:e-)?mail|copier le lien",
    r"share(?: this)?|tweet|print|email this|copy link|pin it",
    r"teilen|drucken|per e-mail (?:senden|versenden)|link kopieren|flattr this",
    r"compartir|condividi|compartilhar",
)

#: Whole-line navigation and widget labels (a line that is only one of these is furniture).
NAVIGATION = phrase(
    r"accueil|menu|rechercher|recherche|fermer|close|loader|chargement|chat|fil d['’]actu",
    r"en savoir \+|en savoir plus|plus d'infos|retour|haut de page|suivant|précédent",
    r"attachments|pièces jointes|publicité|annonce|sponsorisé",
    r"home|search|skip to (?:main )?content|back to top|next|previous|advertisement|sponsored",
    r"loading|toggle navigation|main menu|contact(?: us)?|impressum|imprint|sitemap",
    r"startseite|suche|zurück|weiter|nach oben|anzeige|werbung|kontakt|mehr anzeigen",
    r"inicio|buscar|cerca|pubblicità",
)
