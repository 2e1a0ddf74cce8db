"""What one line of a capture is, judged by its own text: prose, a short line (a headline,
a label, a teaser), or page furniture (navigation, buttons, counters, notices).

Every news page prints the same kinds of furniture in its own language; the patterns here
name the kinds, in the languages newsnorm reads bylines and dates in, never a site's words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsnorm.capture.dates import dates_in_line
from newsnorm.text.literals import any_of
from newsnorm.text.patterns import ends_like_sentence

# A sentence needs this many words to count as the story's prose on its own.
MIN_PROSE_WORDS = 4
# A line this long is prose even when it does not end like a sentence (a quoted fragment).
LONG_LINE_WORDS = 25
# A line whose words of this many letters or more, at least MIN_CASED_WORDS of them, all
# begin in capitals is set in headline case.
MIN_CASED_WORD = 4
MIN_CASED_WORDS = 3
# A line this short that prints a date is the date's line.
MAX_DATE_LINE_WORDS = 12
# Prompts to comment, subscribe or install an app are a sentence or two long.
MAX_PROMPT_LINE_WORDS = 30
# The invitation to comment under a story, or the notice that comments are closed (not an
# end of the article: some sites print it above the story, beside its comment count).
_COMMENT_PROMPT = re.compile(
    r"\b(comment (on|to) this (article|story|post)|join the (conversation|discussion)|"
    r"share your thoughts|comments (are|have been) (closed|disabled|turned off)|"
    r"leave a (comment|reply)|post a comment|(show|view|read|load) (all )?\d* ?comments|"
    r"kommentarfunktion|kommentare (sind|wurden) (geschlossen|deaktiviert)|"
    r"diskutieren sie mit|commentaires sont fermés|réagissez|los comentarios están cerrados|"
    r"deja (tu|un) comentario|i commenti sono chiusi|lascia un commento|reageer op dit artikel)",
    re.IGNORECASE,
)
_OFFER_HINTS = (
    "newsletter", "sign", "subscri", "inbox", "account", "access", "app", "play", "abonn",
    "inscri", "suscr", "iscriv", "abbon", "continua", "lesen", "comment", "conversation",
    "thoughts", "kommentar", "diskut", "réag", "coment", "reageer", "gift", "geschenk",
    "cadeau", "regala",
)  # fmt: skip
_OFFER_HINT = any_of(_OFFER_HINTS)
# The same offers in a few words, a line of their own: words a story's sentence may hold
# too ("support local journalism", "special offers"), so only in a line this short.
MAX_SHORT_PROMPT_WORDS = 10
_SHORT_PROMPT = re.compile(
    r"\b(support (local|independent|our|quality) journalism|register (now )?to (unlock|read)|"
    r"(free|sign in|log in) to read|articles? per month|email updates (from|about)|"
    r"special offers|by clicking here|découvrez nos offres|unsere angebote|"
    r"click here to (read|get|see|watch|download|subscribe|sign)|view (the )?full post on|"
    r"^(allow|accept|enable) (all )?cookies|link (copied|kopiert)!?$|zum einbetten)\b",
    re.IGNORECASE,
)
_SHORT_PROMPT_HINTS = (
    "journalism", "regist", "read", "month", "updates", "offer", "offres", "clicking",
    "angebote", "click", "post", "cookies", "link", "einbetten",
)  # fmt: skip
_SHORT_PROMPT_HINT = any_of(_SHORT_PROMPT_HINTS)
# The page's notices about itself, a sentence long.
_UI_NOTICE = re.compile(
    r"opens? in (a )?new (window|tab)|(please )?try again( later)?|please (enable|allow|"
    r"accept|update|upgrade)|your (account|browser|email address) (is|has|was)|"
    r"a version of this (story|article) (appeared|was published)|this (video|content) "
    r"(is|isn['’]t) (not )?available|see (all|\d+) more|"
    r"do not sell( or share)? my( personal)? info(rmation)?|your privacy choices|"
    r"expand ?/ ?collapse|(expand|collapse) (sub)?menu|add us as a preferred source|"
    r"(more )?content (continues )?below|enter (your )?(city|zip|postal|location)|zip code|"
    r"(only|s[óo]lo|nur) (for|para|per|für) (registered|registrados|registrati|registrierte)|"
    r"dedicato agli utenti registrati|réservé aux abonnés|"
    r"thanks? (you )?for (reading|visiting|using)|danke, dass sie|merci d['’]avoir|"
    r"(externe )?inhalte (von \w+ )?angezeigt werden|"
    r"external content (from \w+ )?(is|will be) (shown|displayed)|"
    r"gracias por (leer|usar|visitar)",
    re.IGNORECASE,
)
_UI_HINTS = (
    "window", "tab", "again", "please", "your", "version", "available", "more", "sell",
    "expand", "collapse", "preferred", "below", "zip", "postal", "location", "regist",
    "réservé", "thank", "danke", "merci", "gracias", "inhalte", "content",
)  # fmt: skip
_UI_HINT = any_of(_UI_HINTS)
_MAX_UI_NOTICE_WORDS = 15
# Offers of the site's own: newsletters, subscriptions, accounts, apps.
_PROMOTION = re.compile(
    r"\b(newsletters?|sign(ing)? up (for|to|now|here)|subscribe (to|now|today|for)|"
    r"subscribers? only|reserved for subscribers|in your inbox|with one account|"
    r"unlimited (digital |online )?access|download (the|our) (free )?app|app store|"
    r"google play|jetzt abonnieren|abonnieren sie|newsletter abonnieren|zum newsletter|"
    r"abonnez-vous|inscrivez-vous|suscríbete|suscribirse|iscriviti|abbonati|"
    r"continua a leggere|weiterlesen mit|jetzt weiterlesen|mit \w+\+ lesen|"
    r"give (a|the) (gift|year) of|gift (a )?(subscription|membership)|geschenkabo|"
    r"abonnement cadeau|regala (una )?suscripci[oó]n)\b",
    re.IGNORECASE,
)
# A closing heading is a few words long.
MAX_END_HEADING_WORDS = 8
# Scripts written without spaces count characters: about this many make one word.
CHARS_PER_CJK_WORD = 2

# Whole lines that are buttons, menus and account links, in many languages.
_CONTROL_WORDS = (
    r"skip (to|navigation)( (main )?content| main| navigation)?|jump to( main)? content|"
    r"navigation überspringen|zum inhalt( springen)?|direkt zum inhalt|aller au contenu|"
    r"passer au contenu|saltar al contenido|vai al contenuto|ga naar (de )?inhoud|"
    r"menu|main menu|menü|hauptmenü|toggle navigation|open menu|close menu|search|suche|"
    r"rechercher|recherche|buscar|búsqueda|cerca|ricerca|zoeken|sök|søk|szukaj|ara|"
    r"home|homepage|startseite|accueil|inicio|portada|start|close|schließen|fermer|cerrar|"
    r"chiudi|sluiten|stäng|lukk|more|mehr|plus|más|altro|meer|back|zurück|retour|volver|"
    r"next|previous|weiter|suivant|précédent|siguiente|anterior|"
    r"sign in|sign up|sign out|log ?in|log ?out|register|my account|account|profile|"
    r"subscribe( now| today)?|subscribers? only|subscription|become a member|donate|"
    r"anmelden|abmelden|einloggen|registrieren|abonnieren|abo|jetzt abonnieren|mein konto|"
    r"se connecter|connexion|s['’]inscrire|s['’]abonner|mon compte|abonnez-vous|"
    r"iniciar sesión|inicia sesión|regístrate|suscríbete|suscribirse|mi cuenta|"
    r"accedi|registrati|abbonati|inloggen|abonneren|logga in|logg inn|zaloguj( się)?|"
    r"giriş( yap)?|üye ol|entrar|assine|go to( [\w&'’.-]+){1,3}|"
    r"read (the )?(full )?(article|story)|artikel lesen|weiterlesen|zum artikel|"
    r"lire l['’]article|leer (el )?artículo|leggi l['’]articolo|lees (het )?artikel|"
    r"more (from|on)( [\w&'’.-]+){1,4}|mehr (von|aus)( [\w&'’.-]+){1,4}|meer van( \w+){1,3}|"
    r"share|share this( article| story| page)?|share on \w+|tweet|email|e-mail|mail|print|"
    r"copy link|copy url|link copied|copied|save|saved|bookmark|listen|listen to (this )?"
    r"(article|story)|play|pause|watch|video|gift (this )?article|"
    r"teilen|drucken|artikel teilen|merken|vorlesen|anhören|partager|imprimer|écouter|"
    r"compartir|imprimir|escuchar|condividi|stampa|ascolta|delen|dela|del|udostępnij|"
    r"paylaş|compartilhar|jaa|sdílet|"
    r"facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|messenger|flipboard|"
    r"bluesky|threads|instagram|youtube|tiktok|rss|xing|mastodon|"
    r"accept( all)?( cookies)?|reject( all)?|manage (cookies|preferences|settings)|"
    r"cookie settings|privacy settings|akzeptieren|alle akzeptieren|zustimmen|ablehnen|"
    r"tout accepter|accepter|refuser|aceptar|rechazar|accetta|rifiuta|"
    r"(advertisement|anzeige|werbung|publicité|publicidad|pubblicità|advertentie|annons|"
    r"annonse|reklama|reklam)( \d{1,2})?|advertising|sponsored|gesponsert"
)  # ("Advertisement 3": pages number their ad slots)
_CONTROL = re.compile(rf"^(?:{_CONTROL_WORDS})[\s:.!…>»›|]*$", re.IGNORECASE)
# A line that is only share buttons: "Facebook Twitter Flipboard Send Linkedin".
_SHARE_WORD = re.compile(
    r"^(facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|messenger|flipboard|"
    r"bluesky|threads|email|e-mail|mail|print|send|share|tweet|copy|copied|link|url|sms|"
    r"pocket|xing|teilen|twittern|senden|kopieren|kopiert|partager|copier|compartir|copiar|"
    r"condividi|copia|delen|kopiëren|dela|kopiera|drucken|imprimer|comments?|kommentare?|"
    r"on|via|this|article|story|post|page|options|sharing|tumblr|vk|line|weibo|wechat)$",
    re.IGNORECASE,
)
# Short prompts to sign in, subscribe or register: "Not a member? Sign up now!".
_ACCOUNT_PROMPT = re.compile(
    r"\b(sign (up|in)|log ?in|subscribe|register|newsletter|create an account|"
    r"anmelden|registrieren|abonnieren|einloggen|s['’]inscrire|s['’]abonner|abonnez|"
    r"inscríbete|suscríbete|regístrate|iscriviti|abbonati|registreer|aanmelden|"
    r"prenumerera|logga in|zaloguj|abonnement|abo)\b",
    re.IGNORECASE,
)
_MAX_PROMPT_WORDS = 8
# Word stems every prompt above holds one of: a cheap test before the pattern's search.
_PROMPT_HINTS = (
    "sign", "log", "subscri", "regist", "newsletter", "account", "anmeld", "abonn", "einlogg",
    "inscri", "suscr", "iscriv", "abbon", "aanmeld", "prenumer", "zaloguj", "abo",
)  # fmt: skip
_PROMPT_HINT = any_of(_PROMPT_HINTS)
# A teaser for another story, labelled: "RELATED: …", "Read more: …", "Lesen Sie auch: …".
_READ_ALSO = (
    r"related( stories| articles)?|read more|read also|also read|see also|recommended|"
    r"lesen sie (auch|mehr)|mehr zum thema|auch interessant|siehe auch|à lire aussi|"
    r"lire aussi|voir aussi|lee también|leer más|ver también|leggi anche|lees ook|"
    r"läs också|les også|læs også|czytaj (też|także|więcej)|leia também"
)
_TEASER_LABEL = re.compile(
    r"^(" + _READ_ALSO + r"|more|watch|listen|tags|topics|themen|"
    r"schlagwörter|schlagworte|mots-clés|etiquetas|argomenti)\s*[:|»›>]\s*\S",
    re.IGNORECASE,
)
# The same label on a line of its own, the teaser's headline on the next.
_LONE_READ_ALSO = re.compile(r"^(" + _READ_ALSO + r")\s*[:|»›>]?$", re.IGNORECASE)
# What text browsers print for images, buttons and form fields: "[IMG]", "(BUTTON)", "[ ]".
_PLACEHOLDERS = re.compile(
    r"(\s*(\[(img|image|inline|embedded|iframe|video|\s*|_+|x)\]|\(button\)|\(radio\)|"
    r"\(submit\)|\[ ?\]|logo|\|)\s*)+",
    re.IGNORECASE,
)
# Counters, clocks and timers: "Comments (34)", "4.6K", "12 shares", "5:00", "(1:39)",
# "5 min read", "Lesezeit 5 Min.", "2 months", "1 of 12".
_COUNTER = re.compile(
    r"^\(?[\d.,:/ ]+[kKmM]?\)?$|"
    r"^(comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|kommentarer|"
    r"shares?|likes?|views?|reactions?|replies|antworten|réponses)\s*[(\[]?\d+[)\]]?$|"
    r"^\d+[\d.,]*[kKmM]?\s+(comments?|shares?|likes?|views?|reactions?|replies|kommentare?|"
    r"commentaires?|comentarios?|commenti)$|"
    r"^(\d+\s*(min(ute)?s?|minuten|mins?\.?)\s*(read|lesezeit|de lecture|lectura|lettura)?|"
    r"(lesezeit|lesedauer|temps de lecture|reading time|tiempo de lectura|tempo di lettura)"
    r"[:\s]*(ca\.\s*)?\d+\s*(min(ute)?s?|minuten)?\.?|"
    r"\d+\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)( ago)?|"
    r"(image|photo|slide|bild|foto)?\s*\d+\s*(of|/|von|sur|de|di)\s*\d+)$",
    re.IGNORECASE,
)
# A quotation and the person who said it: "… always more to do.” —David Galullo, Rapt Studio".
# A paragraph signed with its writer's or agency's initials: "… fünf Festnahmen. / ab",
# "… gesagt. (dpa/lni)" (in capitals, "… in November. (NPA)" credits a photo).
_ATTRIBUTED = re.compile(
    r"[.!?…][\"”’»]?\s*([—–]\s?[^\W\d_][^.!?—–]{1,120}|/\s?[^\W\d_]{1,6}|"
    r"\((?-i:[a-zäöüß]{1,6})(/(?-i:[a-zäöüß]{1,6}))*\))$"
)
# A price on a line of its own, a product box's ("$99", "Was $58", "€ 39,99", "129 kr"):
# a story states a price in a sentence.
_PRICE = re.compile(
    r"^((was|now|from|ab|dès|desde|da)\s*:?\s*)?([$€£¥₹]|US\$|R\$|CHF|USD|EUR|GBP)\s?"
    r"\d[\d.,]*( [A-Z]{3})?\*?$|^\d[\d.,]*\s?(€|£|\$|EUR|USD|CHF|kr|zł|Kč|Ft|lei)\*?$",
    re.IGNORECASE,
)
# Legal and site notices: the page's, not the story's.
_NOTICE = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|alle rechte vorbehalten|"
    r"tous droits réservés|todos los derechos reservados|tutti i diritti riservati|"
    r"alle rechten voorbehouden|privacy policy|cookie policy|terms (of|and) (use|service|"
    r"conditions)|terms & conditions|user agreement|datenschutz|impressum|"
    r"nutzungsbedingungen|mentions légales|politique de confidentialité|aviso legal|"
    r"política de privacidad|informativa (sulla )?privacy|we use cookies|uses cookies|"
    r"verwendet cookies|utilise des cookies|utiliza cookies|"
    r"\bcookies?\b.{0,120}\b(consent|gdpr|website|browser|preferences|analytics|tracking|"
    r"set by|stored?|zustimmung|einwilligung|consentement|consentimiento|consenso)\b|"
    r"your email address will not be published|required fields are marked|"
    r"javascript (is )?(required|disabled|empfohlen)|enable javascript|"
    r"(earn|receive|get) (a |an )?(small )?(affiliate )?(commission|compensation)|"
    r"affiliate (link|commission)|"
    r"advertisement has not loaded|(story|article) continues below|continue reading below",
    re.IGNORECASE,
)
_MAX_NOTICE_WORDS = 60
# Words every notice above holds one of: a cheap test before the pattern's search.
_NOTICE_HINTS = (
    "©", "(c)", "copyright", "rights", "rechte", "droits", "derechos", "diritti", "rechten",
    "privacy", "cookie", "terms", "conditions", "agreement", "datenschutz", "impressum",
    "nutzungsbedingungen", "mentions", "confidentialit", "aviso", "privacidad", "email",
    "required", "javascript", "commission", "compensation", "affiliate", "advertisement",
    "continue",
)  # fmt: skip
_NOTICE_HINT = any_of(_NOTICE_HINTS)
# Buttons and menus in Chinese, Japanese and Korean: share, bookmark, follow, log in, sign
# up, subscribe, print ("はてなブックマークでシェアする", "분享到微信").
_CJK_CONTROL = re.compile(
    r"シェア|ブックマーク|フォロー|ログイン|会員登録|購読|ツイート|印刷|分享|登录|注册|关注|"
    r"订阅|打印|공유|로그인|구독|회원가입|인쇄|팔로우"
)
_MAX_CJK_CONTROL_CHARS = 24
_MAX_SHARE_WORDS = 16
# Buttons, menus and counters are a few words long.
_MAX_CONTROL_WORDS = 6
# Headings after which a page holds no more of the article: comments, the topic and tag
# lists, the author's box, the most-read list, the footer's own sections. (Boxes of related
# stories may sit inside the article: related_sections takes them out where they are.)
# The latest stories or videos: a box under the story, or beside it between its paragraphs.
_LATEST = (
    r"latest( (videos?|news|stories|articles|posts|headlines))?|"
    r"(more|related|recommended|top|latest) videos?|weitere videos|neueste artikel|"
    r"dernières vidéos|últimos vídeos"
)
_ARTICLE_END = re.compile(
    r"^(leave a (reply|comment)|post a comment|add a comment|write a comment|"
    r"join the (conversation|discussion)|(show|view|read|load|see)( all)? comments|"
    r"comments?|discussion|discuss this article|be the first to comment|"
    r"\d[\d.,]*\s+(comments?|responses|replies|kommentare?|commentaires?|comentarios?|"
    r"commenti|reacties|kommentarer|komentarze|yorum(lar)?)|"
    r"kommentare?|kommentieren|kommentar schreiben|diskussion|leserkommentare|"
    r"commentaires?|réagir|laisser un commentaire|comentarios?|deja un comentario|"
    r"commenti|lascia un commento|reacties|reageer|kommentarer|komentarze|yorumlar|"
    r"topics|tags|related topics|themen|schlagwörter|schlagworte|sujets|thèmes|"
    r"mots-clés|temas|etiquetas|argomenti|tag|onderwerpen|ämnen|emner|tematy|etiketler|"
    r"about the author|über den autor|über die autorin|à propos de l['’]auteur|"
    r"sobre el autor|l['’]autore|over de auteur|"
    r"most (read|viewed|popular|shared|commented)( (articles|stories|posts|news))?|"
    r"popular (now|stories)|" + _LATEST + r"|meistgelesen|am meisten gelesen|les plus lus|"
    r"lo más leído|i più letti|site map|sitemap|contact us|about us|kontakt|über uns|"
    r"nous contacter|contacto|contatti)"
    r"\s*[(\[]?\d*[)\]]?[\s:.!…]*$",
    re.IGNORECASE,
)
# The rights to the article, printed under it ("© SZ - Rechte am Artikel können Sie hier
# erwerben.", "© RIPRODUZIONE RISERVATA"): a photo's "© Reuters" names none, and an
# agency's photo credit writes "Copyright 2026 The AP. All rights reserved." without "©".
_RIGHTS = re.compile(
    r"©.*\b(rights|rechte|droits|derechos|diritti|rechten|rättigheter|rettigheder|"
    r"rettigheter|prawa|riproduzione riservata)\b",
    re.IGNORECASE,
)
# The links from a story to the one before and after it ("Next story: …", "Previous
# articleThe headline", glued by innerText): the story is over.
_NEXT_STORY = re.compile(
    r"^(?i:(next|previous|prev\.?|read next|up next)\s*(story|article|post)|"
    r"(nächster|vorheriger|voriger)\s+(artikel|beitrag)|article\s+(suivant|précédent)|"
    r"artículo\s+(siguiente|anterior)|articolo\s+(successivo|precedente)|"
    r"(volgend|vorig)\s+artikel)(?![a-zäöüéèíó])"
)
MAX_NEXT_STORY_WORDS = 30
# Of those headings, the ones of boxes that pages also set between a story's paragraphs.
_BOX_HEADING = re.compile(
    r"^(most (read|viewed|popular|shared|commented)|popular (now|stories)|meistgelesen|"
    + _LATEST
    + r"|"
    r"am meisten gelesen|les plus lus|lo más leído|i più letti)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
# (longest line, words one of which such a line holds, the patterns): see _offer_or_notice.
_OFFERS_AND_NOTICES = (
    (_MAX_PROMPT_WORDS, _PROMPT_HINT, (_ACCOUNT_PROMPT,)),
    (MAX_PROMPT_LINE_WORDS, _OFFER_HINT, (_PROMOTION, _COMMENT_PROMPT)),
    (_MAX_NOTICE_WORDS, _NOTICE_HINT, (_NOTICE,)),
    (_MAX_UI_NOTICE_WORDS, _UI_HINT, (_UI_NOTICE,)),
    (MAX_SHORT_PROMPT_WORDS, _SHORT_PROMPT_HINT, (_SHORT_PROMPT,)),
)
_LONGEST_NOTICE_WORDS = max(most for most, _, _ in _OFFERS_AND_NOTICES)
_ANY_HINT = any_of(
    (*_PROMPT_HINTS, *_OFFER_HINTS, *_NOTICE_HINTS, *_UI_HINTS, *_SHORT_PROMPT_HINTS)
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_FIRST_CJK = "\u3040"


class Line:
    """One non-empty line of a capture, with what its text alone says of it (`line_of`).
    What costs patterns (furniture, prose, a closing heading) is judged when first asked:
    most lines of a page are only ever asked whether they are prose."""

    __slots__ = ("_ends", "_furniture", "_prose", "sentence", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        words = len(text.split())
        if not text.isascii() and max(text) >= _FIRST_CJK:  # (max: one pass in C, no pattern)
            words += len(_CJK.findall(text)) // CHARS_PER_CJK_WORD
        self.words = words  # scripts written without spaces counted by their characters
        self.sentence = (
            ends_like_sentence(text)
            or _ends_cjk_sentence(text)
            or _ATTRIBUTED.search(text) is not None
        )
        self._furniture = self._prose = self._ends = None

    @property
    def furniture(self) -> bool:
        """Navigation, a button, a counter or a site notice: never the story."""
        if self._furniture is None:
            self._furniture = is_furniture(self.text)
        return self._furniture

    @property
    def prose(self) -> bool:
        """A sentence of the story (or a long line): what the article is made of."""
        if self._prose is None:
            self._prose = self._may_be_prose() and not self.furniture and not self.dated
        return self._prose

    @property
    def ends_article(self) -> bool:
        """A heading after which pages hold comments, tags or the footer, or the link to
        the next story."""
        if self._ends is None:
            short = self.words <= MAX_END_HEADING_WORDS
            heading = short and _ARTICLE_END.match(self.text) is not None
            link = self.words <= MAX_NEXT_STORY_WORDS and _NEXT_STORY.match(self.text) is not None
            rights = self.words <= MAX_PROMPT_LINE_WORDS and _RIGHTS.search(self.text) is not None
            self._ends = heading or link or rights
        return self._ends

    @property
    def heads_box(self) -> bool:
        """A closing heading that pages also print over a box between a story's paragraphs
        ("Most read"): the story may go on under the box."""
        return self.ends_article and _BOX_HEADING.match(self.text) is not None

    def _may_be_prose(self) -> bool:
        if self.words >= LONG_LINE_WORDS and " | " not in self.text:
            return True
        return self.sentence and self.words >= MIN_PROSE_WORDS and not headline_case(self.text)

    @property
    def dated(self) -> bool:
        """ "17.04.2024, 12:24 Lesezeit: 5 Min.", "By Jane Doe on May 4, 2025 at 9:05AM": the
        date's line, not the story; one that prints both its dates ("Published: … |
        Updated: …") may run twice as long."""
        if self.words > 2 * MAX_DATE_LINE_WORDS:
            return False
        return self.words <= MAX_DATE_LINE_WORDS * len(dates_in_line(self.text))


def headline_case(text: str) -> bool:
    """Whether every longer word of a line is capitalised, as English headlines are set
    ("Biden Uses Navalny's Death As An Excuse…"): a teaser's headline, not the story's
    sentence, though it ends in "?", "!" or a cut-off "…". Sentences hold a lower-case
    verb or noun of four letters or more in every language written in cases."""
    longer = [word for word in text.split() if len(word) >= MIN_CASED_WORD and word[0].isalpha()]
    return len(longer) >= MIN_CASED_WORDS and all(word[0].isupper() for word in longer)


@lru_cache(maxsize=16384)
def line_of(text: str) -> Line:
    """The Line of `text`, judged once however often a stage asks (lines repeat)."""
    return Line(text)


@lru_cache(maxsize=8192)
def is_furniture(text: str) -> bool:
    """Whether a line is the page's own furniture, judged by its text alone."""
    words = len(text.split())
    if words <= _MAX_CONTROL_WORDS and (
        _CONTROL.match(text) or _is_counter(text) or _PRICE.match(text)
    ):
        return True
    if words <= _MAX_SHARE_WORDS and _only_share_buttons(text):
        return True
    if not text.isascii() and len(text) <= _MAX_CJK_CONTROL_CHARS and _CJK_CONTROL.search(text):
        return True
    if _PLACEHOLDERS.fullmatch(text):
        return True
    return _TEASER_LABEL.match(text) is not None or _offer_or_notice(text, words)


def _offer_or_notice(text: str, words: int) -> bool:
    """Prompts, offers and notices, each pattern tried only on lines holding one of its
    words (a literal test on the folded line is many times cheaper than the pattern)."""
    if words > _LONGEST_NOTICE_WORDS:  # the story's long paragraphs: no test at all
        return False
    lowered = text.casefold()
    if not _ANY_HINT.search(lowered):  # most lines: one pass over the line, not three
        return False
    return any(
        words <= most and hint.search(lowered) and any(p.search(text) for p in patterns)
        for most, hint, patterns in _OFFERS_AND_NOTICES
    )


def _is_counter(text: str) -> bool:
    """A count or a clock; "22.11.2024 07.57" and "25.4.24" are dates, not counters."""
    text = text.rstrip(" |·•-–—")  # "9 of 9 |": a gallery's counter and its separator
    return bool(_COUNTER.match(text)) and not _YEAR.search(text) and not dates_in_line(text)


def _only_share_buttons(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and all(_SHARE_WORD.match(word) for word in words)


def _ends_cjk_sentence(text: str) -> bool:
    return bool(text) and text.rstrip('」』）)"”’')[-1:] in "。！？"


def is_read_also(text: str) -> bool:
    """A "Read more" / "Lesen Sie auch" label on a line of its own: the line under it is
    another story's headline."""
    return _LONE_READ_ALSO.match(text.strip()) is not None
