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
    "ADVERT",
    "AFFILIATE",
    "AUTHOR_BIO",
    "AUTHOR_HEADER",
    "BYLINE",
    "CAPTION_CREDIT",
    "COMMENTS_FORM",
    "COMMENTS_HEADER",
    "COOKIE",
    "COOKIE_NOTICE",
    "EMBED_PLACEHOLDER",
    "FIGURE_LABEL",
    "FOLLOW",
    "FOLLOW_NETWORK",
    "MEDIA_PROMPT",
    "NAVIGATION",
    "POST_META",
    "POST_NAVIGATION",
    "READ_MORE",
    "RELATED_HEADER",
    "RELATIVE_DATELINE",
    "RIGHTS",
    "SHARE",
    "SOCIAL_EMBED",
    "STOCK_PHOTO",
    "SUBSCRIBE",
    "SUBSCRIBE_OPENING",
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

#: The sentence of a consent banner ("Ce site utilise des cookies", "We use cookies to…",
#: "En poursuivant votre navigation, vous acceptez…"): no article says it of itself.
COOKIE_NOTICE = re.compile(
    r"\b(?:utilise|utilisons|use|uses|verwendet|verwenden|nutzt|utiliza|usa)\s+"
    r"(?:des |les |de )?cookies\b|en poursuivant (?:votre )?(?:navigation|visite)|"
    r"by continuing to (?:browse|use)",
    re.IGNORECASE,
)

#: Prompts to subscribe, register, log in or support the site.
SUBSCRIBE = phrase(
    r"s'abonner|abonnez-vous|abonnement|je m'abonne|newsletter|inscrivez-vous|s'inscrire",
    r"se connecter|connectez-vous|identifiez-vous|mot de passe oublié",
    r"subscribe|sign up|sign in|log in|login|register|create an account|unlock",
    r"abonnieren|abonnement|anmelden|registrieren|einloggen|jetzt testen|unterstütze",
    r"suscr[ií]bete|iscriviti|assine",
)

#: A subscription prompt opening its line, however long its pitch ("Newsletter : recevez
#: chaque matin…", "Abonnez-vous pour lire la suite", "Sign up for our weekly briefing"), or
#: the words of a sign-up form ("Enter your email address").
SUBSCRIBE_OPENING = re.compile(
    r"^(?:newsletter\b|abonnez-vous\b|inscrivez-vous à|recevez (?:notre|nos) newsletter|"
    r"sign up (?:for|to)\b|subscribe (?:to|for|from|today)\b|support (?:independent )?journalism|"
    r"article réservé aux abonnés|jetzt abonnieren)"
    # A sign-up form's own words, anywhere in the line.
    r"|e-mail-adresse eingeben|enter your e-?mail(?: address)?|entrez votre (?:adresse )?e-?mail"
    r"|schließe dich \d+ \w+ an|join \d+ other (?:followers|subscribers)"
    r"|already subscribed|sign-?up successful|enter a valid e-?mail|adresse e-mail valide"
    # The site's promotion of itself: its app, its newsletter, its paywall.
    r"|download (?:the|our) [\w ]{0,30}apps?\b|straight to your (?:phone|inbox)"
    r"|in deinen posteingang|to (?:view|read) the full (?:story|article)|please subscribe to"
    r"|mit der anmeldung erklären sie sich|téléchargez (?:l['’]application|notre application)"
    # A newsletter pitch closing a paragraph ("… Abonnieren Sie kostenlos den Newsletter").
    r"|(?:abonnieren sie|subscribe to|sign up (?:for|to)|abonnez-vous à|inscrivez-vous à|"
    r"suscr[ií]b(?:ase|ete|irse)(?: aquí)? a)\b.{0,60}\bnewsletter",
    re.IGNORECASE,
)

#: Prompts to follow the outlet elsewhere (social networks, apps, radio, alerts).
FOLLOW = phrase(
    r"suivez(?:-nous)?|suivre (?:le flux|sur|nous)|rejoignez-nous|retrouvez-nous|[ée]coutez radio",
    r"t[ée]l[ée]chargez l'application|notre chaîne|follow us|follow @\w+|like us on",
    r"folge(?:n sie)? uns|folgen sie|besuchen sie uns|jetzt downloaden",
    r"síguenos|seguici|siga-nos|nos siga|únete|download the \w+ apps?|get the latest news",
)

#: A follow prompt naming a network or app, however long ("Suivez L'Écho sur Telegram pour ne
#: rien manquer…"): the prompt opens the line.
FOLLOW_NETWORK = re.compile(
    r"^(?:suivez|retrouvez|rejoignez|abonnez-vous à|follow|join|folgen sie)\b.{0,80}?\b"
    r"(?:sur|on|auf)\s+(?:telegram|facebook|twitter|x|instagram|whatsapp|youtube|tiktok|"
    r"linkedin|threads|bluesky|mastodon|google news|notre application|our app|snapchat)\b",
    re.IGNORECASE,
)

#: Audio and video player prompts: "Écouter cet article (4 min)", "Vidéo : … (1:42)",
#: "Listen to this story", "Watch: …". The opening word or a bracketed duration gives them away.
MEDIA_PROMPT = re.compile(
    r"^(?:vidéo|video|audio|podcast|replay|watch|listen)\s*:|"
    r"^(?:[ée]couter|[ée]coutez|regarder|regardez|listen to|watch)\s+(?:cet article|l'article|"
    r"le reportage|la vidéo|l'émission|le podcast|this (?:story|article)|the (?:video|podcast))|"
    r"\((?:\d+\s*(?:min|mn|sec)\w*|\d{1,2}:\d{2}(?::\d{2})?)\)\s*$",
    re.IGNORECASE,
)

#: Advertising labels and the "continue reading" prompts around them.
ADVERT = phrase(
    r"publicité|advertisement|anzeige|werbung|sponsored content|contenu sponsorisé",
    r"continuer la lecture ci-dessous|la suite après (?:cette )?(?:publicité|la publicité)",
    r"(?:article|story) continues below|continue reading below|scroll to continue",
)

#: A relative update line: "Mis à jour il y a 3 heures", "Updated 2 hours ago".
RELATIVE_DATELINE = re.compile(
    r"^(?:publié|mis à jour|mis en ligne|updated|published|posted|aktualisiert)\s+"
    r"(?:il y a\s+\d+|\d+\s+\w+\s+ago|vor\s+\d+)\s*\w*\s*$",
    re.IGNORECASE,
)

#: A byline: "Par Camille Dupin", "By Anna Berg, Europe correspondent", "Von Jan Frei".
BYLINE = re.compile(r"^(?:par|by|von)\s+(?P<names>.+)$", re.IGNORECASE)

#: Headers opening a comment section (everything after them is readers' text or its form).
COMMENTS_HEADER = phrase(
    r"\d*\s*commentaires?|vos (?:commentaires|réactions)|réagir|réagissez",
    r"ajouter un commentaire|laisser un commentaire",
    r"pour participer aux discussions",
    r"\d*\s*comments?|leave a (?:reply|comment)|add a comment|post a comment|join the discussion",
    r"\d*\s*kommentare?|schreibe einen kommentar|kommentar schreiben|diskutieren sie mit",
    r"\d*\s*comentarios?|deja un comentario|\d*\s*commenti|lascia un commento",
    r"qu'en pensez-vous|donnez votre avis|votre commentaire|annuler la réponse",
    r"house rules|community guidelines|netiquette",
    r"what do you think|cancel reply|your comment|\d+ (?:thoughts|responses|replies) (?:on|to)",
    r"was denkst du|was meinen sie|kommentar verfassen|antwort(?:en)? abbrechen|dein kommentar",
    r"ihr kommentar|\d+ (?:antworten|gedanken) (?:auf|zu)|kommentieren sie hier",
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
    r"commenter via \w+|règles de conduite|pour participer aux discussions",
    r"signaler un abus|répondre",
    r"no comments yet|no responses?(?: so far)?|your email address will not be published",
    r"required fields are marked|notify me of|reply|log in to reply",
    r"keine kommentare|ihre e-mail-adresse wird nicht veröffentlicht|antworten",
    r"this site uses akismet|diese website verwendet akismet",
    r"protégée? par recaptcha|protected by recaptcha",
    r"hinterlasse (?:eine antwort|einen kommentar)",
    r"vous commentez à l'aide|you are commenting using|du kommentierst mit|sie kommentieren mit",
)

#: Headers of "read also" / related-content blocks: the lines after them are other articles.
RELATED_HEADER = phrase(
    r"lire aussi|lire également|à lire aussi|à lire|consulter aussi|voir aussi|sur le même sujet",
    r"articles? (?:liés|similaires|recommandés)|dans la même rubrique|les plus lus|à voir aussi",
    r"read (?:also|more)|see also|related(?: posts| articles| stories| content)?|more from",
    r"you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular)|popular posts",
    r"lesen sie auch|auch interessant|mehr zum (?:thema|ereignis)|siehe auch",
    r"das könnte (?:sie|dich) auch interessieren|meistgelesene?n?(?: artikel)?|die meistgelesenen",
    r"weitere (?:artikel|beiträge|themen|nachrichten)|ähnliche (?:artikel|beiträge)",
    r"verwandte (?:artikel|beiträge)|zum thema|beliebte artikel|empfehlungen",
    r"weitere pressemitteilungen|noch mehr infos",
    r"lee también|te puede interesar|otras noticias|noticias relacionadas|notas relacionadas",
    r"mira también|más noticias|leggi anche|leia também|veja também|notícias relacionadas",
    r"czytaj (?:też|także|więcej)|zobacz też|lees ook|lue myös",
    r"meistgeklickte?n?(?: beiträge| artikel)?|themen in diesem artikel|more stories",
    r"lesen sie mehr|you might like|saiba mais|leia mais|veja mais",
)

#: A tag list header ("Tags: …", "Mots-clés", "Schlagwörter").
TAGS_HEADER = re.compile(
    r"^(?:tags?|mots?[- ]clés?|thèmes?|sujets?|étiquettes?|keywords?|topics?|schlagw[öo]rter|"
    r"stichw[öo]rter|themen|etiquetas|categor(?:y|ies|ie|ías))\s*:",
    re.IGNORECASE,
)

#: WordPress-style post meta: "Dieser Eintrag wurde veröffentlicht in … verschlagwortet mit".
POST_META = phrase(
    r"verschlagwortet mit|getaggt mit|abgelegt unter|this entry was posted in|tagged with",
    r"posted in|filed under|publié dans|classé dans|catégories?\s*:|kategorien?\s*:",
)

#: A photo credit closing a caption ("… Foto: Galli/Malteser", "… © AFP / M. Bertorello").
CAPTION_CREDIT = re.compile(
    r"(?:©|\(c\)\s|\b(?:fotos?|photos?|bildquelle|bild|quelle|image|crédits? photo|credits?)"
    r"\s*:|\bfot\.)\s*[^.!?]{2,80}[)\]]?\s*$"
    r"|/\s*(?:domena publiczna|public domain|domaine public|gemeinfrei)\s*$",
    re.IGNORECASE,
)

#: A numbered figure label opening a caption ("Abbildung 4:", "Figure 2 :", "Abb. 3").
FIGURE_LABEL = re.compile(r"^(?:abbildung|abb\.|figure|fig\.|bild|grafik|image)\s*\d+\s*[:.]", re.I)

#: Share buttons and counters ("URL courte", "Partager", "Teilen", "Tweet").
SHARE = phrase(
    r"url courte|partager|partagez|imprimer|envoyer par (?:e-)?mail|copier le lien",
    r"share(?: this)?|tweet|print|email this|copy link|pin it",
    r"teilen|drucken|per e-mail (?:senden|versenden)|link kopieren|flattr this",
    r"artikel gefallen|jetzt teilen|url zum kopieren",
    r"compartir|condividi|compartilhar",
)

#: Copyright and legal lines of a page footer.
RIGHTS = phrase(
    r"tous droits réservés|all rights reserved|alle rechte vorbehalten",
    r"todos los derechos reservados|direitos reservados|tutti i diritti riservati",
)

#: Syndication notices: where the piece first ran and who may reprint it.
SYNDICATION = phrase(
    r"(?:cet article|cette dépêche|this (?:article|story)|dieser (?:artikel|beitrag))"
    r" (?:a été|was|wurde|ist) (?:initialement |originally |first |zuerst )?"
    r"(?:publiée?|paru|published|veröffentlicht|erschienen)",
    r"reproduction (?:interdite|soumise à conditions|réservée)",
    r"(?:dépêche|article|contenu)s? réservée?s? aux abonnés",
    r"republished (?:with|by) permission|reprinted with permission",
)

#: A wire desk's sign-off: agency, desk, editors' initials ("AFP - Service France - dm/cb").
WIRE_SIGNOFF = re.compile(r"^[A-Z]{2,6}\s*[-–]\s*[^.!?]{0,60}[-–]\s*[a-z]{1,4}(?:/[a-z]{1,4})+$")

#: Whole-line navigation and widget labels (a line that is only one of these is furniture).
NAVIGATION = phrase(
    r"accueil|menu|rechercher|recherche|fermer|close|loader|chargement|chat|fil d['’]actu",
    r"en savoir \+|en savoir plus|plus d'infos|retour|haut de page|suivant|précédent",
    r"attachments|pièces jointes|publicité|annonce|sponsorisé",
    r"home|search|skip to (?:main )?content|back to top|next|previous|advertisement|sponsored",
    r"loading|toggle navigation|main menu|contact(?: us)?|impressum|imprint|sitemap",
    r"startseite|suche|zurück|weiter|nach oben|anzeige|werbung|kontakt|mehr anzeigen",
    r"zurück zur übersicht|volltext-suche|über den autor|über die autorin|about the author",
    r"back to (?:overview|list)|retour à la liste|à propos de l'auteur",
    r"inicio|buscar|cerca|pubblicità",
)

#: Picture agencies and free-photo sites, named in photo credits.
STOCK_PHOTO = phrase(
    r"shutterstock(?:\.com)?|getty ?images|istock(?:photo)?|unsplash|pixabay|pexels|adobe ?stock",
    r"fotolia|imago(?: images)?|picture[- ]alliance|dpa-?bildfunk|keystone|depositphotos",
)

#: The header of an author box (the whole line): "About the author", "Über den Autor / die
#: Autorin", "À propos de l'auteur", "AUTOR".
AUTHOR_HEADER = re.compile(
    r"^(?:about the author|the author|author|autor(?:in)?|über (?:den|die) autor(?:in)?"
    r"(?:\s*/\s*die autorin)?|zum autor|zur autorin|à propos de l['’]auteur|l['’]auteur|"
    r"l['’]auteure|sobre el autor|sull['’]autore)\s*:?$",
    re.IGNORECASE,
)

#: Affiliate and sponsorship disclosures ("When you purchase through links on our site, we may
#: earn a commission"), whole sentences only furniture says.
AFFILIATE = re.compile(
    r"(?:buy|purchase|shop) through (?:links|our links)|may earn (?:an affiliate )?commission|"
    r"is supported by its (?:audience|readers)|contains? (?:affiliate )?(?:links|references) to "
    r"products|enthält (?:sogenannte )?affiliate-links|affiliate links?\b.{0,40}\bprovision|"
    r"liens? (?:d['’])?affiliation|lien sponsorisé",
    re.IGNORECASE,
)

#: What stands for an embed the reader has not loaded: "Klicken Sie auf den Button, um den
#: Inhalt von www.example.com zu laden", "Click to load".
EMBED_PLACEHOLDER = re.compile(
    r"um den inhalt von .{1,60} zu laden|inhalt (?:laden|entsperren)|click (?:here )?to load|"
    r"this (?:content|embed) is (?:blocked|not available)|cliquez pour (?:charger|afficher)",
    re.IGNORECASE,
)

#: The frame of an embedded social post: "View this post on Instagram", "A post shared by …".
SOCIAL_EMBED = re.compile(
    r"view this post on instagram|a post shared by|ein beitrag geteilt von|"
    r"une publication partagée par|voir cette publication sur instagram",
    re.IGNORECASE,
)

#: Links to the previous and next posts: "← Previous post", "Next post →", "Article suivant".
POST_NAVIGATION = re.compile(
    # Arrows, not guillemets: « and » open and close quotations in French and German.
    r"^\s*(?:[←‹]|\$larr;)|(?:[→›]|\$rarr;)\s*$"
    r"|^(?:previous|next|older|newer) (?:post|article|entry)"
    r"|^(?:article (?:suivant|précédent)|(?:nächster|vorheriger) (?:artikel|beitrag))"
    r"|^vorschau auf den nächsten artikel",
    re.IGNORECASE,
)

#: What an author's biography says of them ("is a professor at", "Fotograf aus Hamburg").
AUTHOR_BIO = phrase(
    r"professor|author of|autor(?:in)? (?:von|des)|auteure? de|journalist(?:in|e)?",
    r"redakteur(?:in)?",
    r"editor|rédact(?:eur|rice)|fotograf(?:in)?|photographe?r?|co-?founder|founder|gründer(?:in)?",
    r"fondat(?:eur|rice)|writer|schriftsteller(?:in)?|head of|leitet|correspondent|korrespondent",
    r"columnist|kolumnist(?:in)?|chercheu(?:r|se)|researcher|blogger(?:in)?|lives in|lebt in",
    r"vit à|studied|studierte|has done many|dziennikar(?:z|ka)|redaktor(?:ka)?",
)
