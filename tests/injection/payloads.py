"""Script-injection payloads: text a hostile contributor could put in any field or body.

Every payload, if it ever ran, would set the global ``window.kkPwned`` to its own id
(``window.kkPwned=/p17/.source`` sets it to "p17": no quotes, spaces or parentheses, so the script
survives every quoting context and Markdown's link syntax). The browser test fails on any value.

Ids are stable: a payload keeps its id for good, and a retired id is never reused.

Each payload states what the checker does with it in each kind of place, so that the corpus
(tests/injection/corpus.py) knows which files must be built and which must be refused with a
located problem:

- ``plain``: in a plain-text field (``plain: true`` in generator/core/schema.yml: summaries);
- ``url``: in a web-address field (sources, contact.url);
- ``email``: in an e-mail field (contact.email);
- ``body``: as a paragraph of a Markdown body, the problems it causes;
- ``links`` (addresses only): the problems it causes in each Markdown link form of ``LINK_FORMS``.

Other text fields accept any payload within their length limits (generator/core/schema.yml), because
the templates escape what they show. ``None`` and ``()`` mean "accepted": the payload is built
and the browser test proves it inert.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

FLAG = "kkPwned"


def js(pid: str) -> str:
    """The script of payload ``pid``: sets ``window.kkPwned`` to ``pid``."""
    return f"window.{FLAG}=/{pid}/.source"


@dataclass(frozen=True)
class Refusal:
    """A problem the checker must report: its rule, at the first occurrence of ``at`` in the text
    (which gives the line and the column)."""

    rule: str
    at: str


@dataclass(frozen=True)
class Payload:
    id: str
    note: str
    text: str
    plain: str | None = None
    url: str | None = "bad-url"
    email: str | None = "bad-email"
    body: tuple[Refusal, ...] = ()
    # False when an accepted body legitimately shows nothing of the script (an unused reference
    # definition): the browser test then does not look for it.
    body_shows: bool = True
    # For addresses (javascript:, data:, …): the problems in each of LINK_FORMS. None: not an address.
    links: Mapping[str, tuple[Refusal, ...]] | None = field(default=None)

    @property
    def script(self) -> str:
        return js(self.id)


# An address in every Markdown construct that takes one. ``{address}`` is the address, ``{id}``
# the payload id (reference labels are global in a Markdown document).
LINK_FORMS = {
    "link": "[linkki]({address})",
    "image": "![kuva]({address})",
    "angle": "[linkki](<{address}>)",
    "reference": "[linkki][viite-{id}]\n\n[viite-{id}]: {address}",
    "attribute": '[linkki](https://www.example.fi/){{ href="{address}" }}',
    "autolink": "<{address}>",
}


def link_form(form: str, pid: str, address: str) -> str:
    return LINK_FORMS[form].format(address=address, id=pid)


def _raw(at: str) -> tuple[Refusal, ...]:
    return (Refusal("raw-html", at),)


def _address(
    pid: str,
    note: str,
    address: str,
    *,
    script: bool,
    body: tuple[Refusal, ...] = (),
    text_only: tuple[str, ...] = (),
    overrides: Mapping[str, tuple[Refusal, ...]] | None = None,
    plain: str | None = None,
) -> Payload:
    """An address. ``script``: its scheme is javascript:, data: or vbscript: once character
    references are decoded and invisible characters dropped (the checker's reading, a little
    stricter than a browser's), so every link form is refused with unsafe-link at the address;
    otherwise every link form is accepted. The autolink form ``<address>`` is raw HTML unless
    listed in ``text_only`` (Markdown shows it as text)."""
    unsafe = (Refusal("unsafe-link", address.lstrip()),) if script else ()
    links: dict[str, tuple[Refusal, ...]] = {form: unsafe for form in LINK_FORMS}
    links["autolink"] = () if "autolink" in text_only else _raw("<")
    for form in text_only:
        links[form] = ()
    links.update(overrides or {})
    return Payload(pid, note, address, plain=plain, body=body, links=links)


def _find(payloads: list[Payload], pid: str) -> Payload:
    return next(payload for payload in payloads if payload.id == pid)


def _payloads() -> list[Payload]:
    p: list[Payload] = []

    def add(pid: str, note: str, template: str, **kwargs) -> None:
        p.append(Payload(pid, note, template.format(js=js(pid)), **kwargs))

    # -- raw HTML ---------------------------------------------------------------------------
    add("p01", "script element", "<script>{js}</script>", plain="not-plain-text", body=_raw("<script>"))
    add(
        "p02",
        "closes <title> and opens a script",
        "</title><script>{js}</script>",
        plain="not-plain-text",
        body=_raw("</title>"),
    )
    add(
        "p03",
        "closes an attribute and a tag, then an image with onerror",
        '"><img src="x" onerror="{js}">',
        plain="not-plain-text",
        body=_raw("<img"),
    )
    add("p04", "svg onload", "<svg onload='{js}'>", plain="not-plain-text", body=_raw("<svg"))
    add(
        "p05",
        "script inside svg",
        "<svg><script>{js}</script></svg>",
        plain="not-plain-text",
        body=_raw("<svg>"),
    )
    add(
        "p06",
        "iframe srcdoc",
        '<iframe srcdoc="<script>{js}</script>"></iframe>',
        plain="not-plain-text",
        body=_raw("<iframe"),
    )
    add(
        "p07",
        "details ontoggle",
        "<details open ontoggle='{js}'><summary>x</summary></details>",
        plain="not-plain-text",
        body=_raw("<details"),
    )
    add("p08", "mixed-case script", "<ScRiPt>{js}</sCrIpT>", plain="not-plain-text", body=_raw("<ScRiPt>"))
    add(
        "p09",
        "a script tag split by another",
        "<scr<script>ipt>{js}</script>",
        plain="not-plain-text",
        body=_raw("<script>"),
    )
    add(
        "p10",
        "autofocus onfocus",
        "<input autofocus onfocus='{js}'>",
        plain="not-plain-text",
        body=_raw("<input"),
    )
    add(
        "p11",
        "raw HTML link to javascript:",
        '<a href="javascript:{js}">linkki</a>',
        plain="not-plain-text",
        body=_raw("<a "),
    )
    add(
        "p12",
        "comment trick",
        "<!--><script>{js}</script>-->",
        plain="not-plain-text",
        body=_raw("<!--"),
    )
    add(
        "p13",
        "mutation XSS through noscript",
        "<noscript><p title=\"</noscript><img src='x' onerror='{js}'>\">",
        plain="not-plain-text",
        body=_raw("<noscript>"),
    )
    add(
        "p14",
        "HTML inside a table cell",
        "| a |\n| --- |\n| <img src='x' onerror='{js}'> |",
        plain="not-plain-text",
        body=_raw("<img"),
    )
    add(
        "p15",
        "backslash before the tag",
        "\\<script>{js}\\</script>",
        plain="not-plain-text",
        body=_raw("<script>"),
    )
    add(
        "p16",
        "closes a JSON string and a script element",
        '"}}]}}</script><script>{js}</script>',
        plain="not-plain-text",
        body=_raw("</script>"),
    )
    add(
        "p17",
        "byte order mark before the tag",
        "\ufeff<script>{js}</script>",
        plain="not-plain-text",
        body=_raw("<script>"),
    )
    add(
        "p18",
        "raw HTML in an admonition title",
        "!!! note \"<img src='x' onerror='{js}'>\"\n    Sisältö.",
        plain="not-plain-text",
        body=_raw("<img"),
    )

    # -- attribute breakouts (no tag of their own) ---------------------------------------------
    add("p19", "double-quote attribute breakout", '" onmouseover="{js}" x="')
    add("p20", "single-quote attribute breakout", "' onmouseover='{js}' x='")
    add("p21", "double-quote breakout with autofocus", '" autofocus onfocus="{js}" x="')
    add("p22", "single-quote breakout with autofocus", "' autofocus onfocus='{js}' x='")
    add("p23", "backtick attribute breakout", "` onmouseover=`{js}` x=`")
    add(
        "p24",
        "self-closing breakout into svg",
        '"/><svg/onload={js}>',
        plain="not-plain-text",
        body=_raw("<svg"),
    )

    # -- entities and escapes (text, never markup) ---------------------------------------------
    add("p25", "named entities", "&lt;script&gt;{js}&lt;/script&gt;")
    add("p26", "numeric entities", "&#60;img src=x onerror={js}&#62;")
    add("p27", "double-encoded entities", "&amp;lt;script&amp;gt;{js}&amp;lt;/script&amp;gt;")
    add("p28", "JavaScript escapes as text", "\\u003cscript\\u003e{js}\\u003c/script\\u003e")
    add("p29", "line and paragraph separators (break old JSON-in-script)", "\u2028{js}\u2029//")

    # -- template syntax (never evaluated) --------------------------------------------------------
    add("p30", "template literal", "${{{js}}}")
    add("p31", "template literal in backticks", "`${{{js}}}`")
    add("p32", "Jinja expression", "{{{{ {js} }}}} {{{{ 7*7 }}}}")
    add("p33", "Jinja statement", "{{% if true %}}{js}{{% endif %}}")
    add("p34", "Jinja sandbox escape", "{{{{ config.__class__.__init__.__globals__ }}}} {js}")

    # -- Unicode tricks ---------------------------------------------------------------------------
    add("p35", "bidi override around the script", "\u202e{js}\u202c tekstiä")
    add(
        "p36",
        "zero-width space inside the tags",
        "<\u200bscript>{js}</\u200bscript>",
        plain="not-plain-text",  # "</" starts a tag as far as the plain-text check is concerned
    )
    add("p37", "fullwidth angle brackets", "\uff1cscript\uff1e{js}\uff1c/script\uff1e")

    # -- Markdown in the wrong place or with hostile parts -----------------------------------
    add(
        "p38",
        "Markdown link to javascript:",
        "[klikkaa](javascript:{js})",
        plain="not-plain-text",
        body=(Refusal("unsafe-link", "javascript:"),),
    )
    add(
        "p39",
        "attr_list event handler on a paragraph",
        'Kappale\n{{: onclick="{js}" }}',
        body=(Refusal("unsafe-attribute", "onclick"),),
    )
    add(
        "p40",
        "attr_list event handler on a heading",
        '## Otsikko {{ onmouseover="{js}" }}',
        body=(Refusal("unsafe-attribute", "onmouseover"),),
    )
    add(
        "p41",
        "attr_list event handler on an image",
        "![kuva](/assets/images/favicon.png){{ onerror={js} }}",
        plain="not-plain-text",
        body=(Refusal("unsafe-attribute", "onerror"),),
    )
    add(
        "p42",
        "attr_list id that breaks out of its quotes",
        '[linkki](https://www.example.fi/){{ #x"onmouseover="{js} }}',
        plain="not-plain-text",
        body=(Refusal("unsafe-attribute", "onmouseover"),),
    )
    add(
        "p43",
        "attr_list value carrying raw HTML into an attribute",
        '[linkki](https://www.example.fi/){{ title=\'<img src="x" onerror="{js}">\' }}',
        plain="not-plain-text",
        body=_raw("<img"),
    )
    add(
        "p44",
        "attr_list value with entity quotes",
        "[linkki](https://www.example.fi/){{ title='&quot; onmouseover=&quot;{js}' }}",
        plain="not-plain-text",
    )
    add(
        "p45",
        "link title breakout",
        '[linkki](https://www.example.fi/ "x\\" onmouseover=\\"{js}")',
        plain="not-plain-text",
    )
    add(
        "p46", "image alt breakout", '![x" onerror="{js}](/assets/images/favicon.png)', plain="not-plain-text"
    )
    add(
        "p47",
        "autolink with quotes",
        '<https://www.example.fi/"onmouseover="{js}>',
        plain="not-plain-text",
        # The HTML reader takes the quotes for an attribute's and reads the HTML block the page
        # puts after the body as Markdown (Zensical, which has no plugin to set it aside).
        body=(Refusal("html-in-code", "<"),),
    )
    add(
        "p48",
        "e-mail autolink",
        "<{js}@example.fi>",
        plain="not-plain-text",
        email=None,  # an e-mail address as far as the check goes; the mailto: link shows it as text
    )
    add("p49", "unused reference definition", "[viite]: javascript:{js}", body_shows=False)
    add("p50", "code span", "`<script>{js}</script>`", plain="not-plain-text")
    add("p51", "indented code block", "    <script>{js}</script>", plain="not-plain-text")
    add(
        "p87",
        "entities in a heading (the page's table of contents)",
        "## &lt;img src=x onerror={js}&gt; otsikko",
    )
    add(
        "p88",
        "double-encoded entities in a heading",
        "## &amp;lt;script&amp;gt;{js}&amp;lt;/script&amp;gt;",
    )
    add(
        "p89",
        "HTML in a code span in a heading",
        "## `<img src=x onerror={js}>` otsikko",
        plain="not-plain-text",
    )
    # -- the language wrapper: on a Swedish or English page a Finnish body is inside
    # <div lang="fi" markdown="1">, whose HTML reader runs before Markdown finds code (issue 18, A)
    wrapper = (Refusal("html-in-code", "<"),)
    add(
        "p90",
        "code span that closes the language wrapper",
        "Kuvaus `</div><script>{js}</script>` loppu.",
        plain="not-plain-text",
        body=wrapper,
    )
    add(
        "p91",
        "indented code that closes the language wrapper",
        "    </div><img src=x onerror={js}>",
        plain="not-plain-text",
        body=wrapper,
    )
    add(
        "p92",
        "list item with a code span that closes the language wrapper",
        "- kohta `</div><script>{js}</script>`",
        plain="not-plain-text",
        body=wrapper,
    )
    add(
        "p93",
        "iframe srcdoc after a code span that closes the language wrapper",
        '`</div><iframe srcdoc="<script>{js}</script>"></iframe>`',
        plain="not-plain-text",
        body=wrapper,
    )
    add(
        "p94",
        "javascript: link after a code span that closes the language wrapper",
        '`</div><a href="javascript:{js}">linkki</a>`',
        plain="not-plain-text",
        body=wrapper,
    )
    add(
        "p95",
        "fenced code block holding the wrapper's end tag (the form the refusal advises)",
        "```\n</div><script>{js}</script>\n```",
        plain="not-plain-text",
    )
    # -- media from another host (issue 18, C): every language version would request it
    add(
        "p96",
        "image from another host",
        "![kuva](https://tracker.example/pixel.png?{js})",
        plain="not-plain-text",
        body=(Refusal("remote-image", "https://tracker.example"),),
    )
    add("p52", "DOM clobbering: the finder's id on a paragraph", "{js}\n{{: #kk-finder .kk-finder }}")
    add("p53", "DOM clobbering: a heading whose id is the finder's", "## kk-finder\n\n{js}")

    # -- addresses that pass the address checks: shown escaped ---------------------------------
    add(
        "p54",
        "web address that closes the attribute",
        'https://www.example.fi/"><script>{js}</script>',
        plain="not-plain-text",
        url=None,
        body=_raw("<script>"),
    )
    add("p55", "web address with a quote breakout", "https://www.example.fi/'onmouseover='{js}'", url=None)
    add(
        "p56",
        "e-mail address that closes the attribute",
        '"><svg/onload={js}>@example.fi',
        plain="not-plain-text",
        email=None,
        body=_raw("<svg"),
    )
    add("p57", "e-mail address with a script scheme", "javascript:{js}//@example.fi", email=None)

    # -- long text ---------------------------------------------------------------------------
    add(
        "p58",
        "very long text, script at the end",
        "ä" * 20000 + " <b>{js}</b>",
        plain="not-plain-text",
        body=_raw("<b>"),
    )
    add("p59", "very long text, harmless", "kokeilu " * 3000 + "{js}")

    # -- addresses: javascript:, data:, vbscript: and their disguises -------------------------
    # (id, note, address, whether it is a script address, the link forms where Markdown makes no
    # link of it and shows it as text)
    autolink = ("autolink",)
    for pid, note, template, script, text_only in (
        ("p60", "javascript:", "javascript:{js}", True, ()),
        ("p61", "mixed case", "JaVaScRiPt:{js}", True, ()),
        ("p62", "tab as an entity", "java&#x09;script:{js}", True, ()),
        ("p63", "tab as a named entity", "java&Tab;script:{js}", True, ()),
        ("p64", "newline as an entity", "jav&#x0A;ascript:{js}", True, ()),
        ("p65", "first letter as an entity", "&#106;avascript:{js}", True, autolink),
        ("p66", "first letter as a hex entity", "&#x6A;avascript:{js}", True, autolink),
        ("p67", "zero-padded entity without a semicolon", "&#0000106avascript:{js}", True, ()),
        ("p68", "colon as an entity", "javascript&colon;{js}", True, ()),
        ("p69", "leading space", " javascript:{js}", True, autolink),
        ("p70", "leading tab", "\tjavascript:{js}", True, autolink),
        ("p71", "leading control character", "\x01javascript:{js}", True, autolink),
        ("p72", "leading NUL", "\x00javascript:{js}", True, autolink),
        # A tab or a vertical tab stops Markdown from reading a reference definition.
        ("p73", "tab inside", "java\tscript:{js}", True, ("reference",)),
        ("p74", "leading no-break space", "\u00a0javascript:{js}", True, ("reference", "autolink")),
        ("p75", "zero-width space inside", "java\u200bscript:{js}", True, ()),
        ("p76", "leading bidi override", "\u202ejavascript:{js}", True, autolink),
        ("p77", "leading byte order mark", "\ufeffjavascript:{js}", True, autolink),
        # Browsers do not decode %-escapes in a scheme: relative links, allowed.
        ("p78", "URL-encoded first letter", "%6Aavascript:{js}", False, autolink),
        ("p79", "URL-encoded colon", "javascript%3A{js}", False, ()),
        # "https:" without "//": an https link no browser can open; allowed.
        ("p80", "https: before javascript:", "https:javascript:{js}", False, ()),
        ("p84", "vbscript:", "vbscript:{js}", True, ()),
        ("p85", "VBScript: in mixed case", "VBScript:{js}", True, ()),
        ("p86", "vertical tab before the colon", "javascript\x0b:{js}", True, ("reference",)),
    ):
        p.append(_address(pid, note, template.format(js=js(pid)), script=script, text_only=text_only))
    # The language wrapper's HTML reader loses its place after a zero-padded character reference
    # without a semicolon and shows its own </div> as text: refused in the body and in the
    # autolink form, where Markdown would show it as text. (Found by comparing the renderings.)
    p67 = _find(p, "p67")
    p[p.index(p67)] = dataclasses.replace(
        p67,
        body=(Refusal("html-in-code", "&"),),
        links={**p67.links, "autolink": (Refusal("html-in-code", "<"),)},
    )
    # "https:" names a scheme: an image there would be fetched from wherever the browser reads it.
    p80 = _find(p, "p80")
    p[p.index(p80)] = dataclasses.replace(
        p80, links={**p80.links, "image": (Refusal("remote-image", p80.text),)}
    )
    document = base64.b64encode(f"<script>{js('p81')}</script>".encode()).decode()
    p.append(_address("p81", "data: HTML document", f"data:text/html;base64,{document}", script=True))
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' onload='{js('p82')}'/>"
    image = base64.b64encode(svg.encode()).decode()
    p.append(_address("p82", "data: SVG image", f"data:image/svg+xml;base64,{image}", script=True))
    data_html = f"DATA:text/html,<script>{js('p83')}</script>"
    p.append(
        _address(
            "p83",
            "data: with inline HTML",
            data_html,
            script=True,
            plain="not-plain-text",
            body=_raw("<script>"),
            overrides={
                # Markdown keeps "<" in an angle-bracketed destination: a relative link to "<DATA:…".
                "angle": (),
                "attribute": (Refusal("raw-html", "<script>"), Refusal("unsafe-link", data_html)),
                "autolink": _raw("<script>"),
            },
        )
    )
    p.sort(key=lambda payload: payload.id)
    return p


PAYLOADS: tuple[Payload, ...] = tuple(_payloads())
BY_ID: dict[str, Payload] = {payload.id: payload for payload in PAYLOADS}
assert len(BY_ID) == len(PAYLOADS), "payload ids must be unique"
