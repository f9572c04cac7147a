"""Reading the pages as a user (text) and the charts as XML."""
import html as htmllib
import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def text_of(response) -> str:
    html = response.content.decode()
    html = re.sub(r"(?s)<(script|style|head)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html)))


def svgs(html: str) -> list[ET.Element]:
    """Every inline SVG of the page, parsed as XML (fails if one is not well-formed)."""
    return [ET.fromstring(chunk) for chunk in re.findall(r"(?s)<svg\b.*?</svg>", html)]


def bar_texts(svg: ET.Element) -> list[str]:
    """The value labels of the bars, in order (the bold texts)."""
    return [t.text for t in svg.iter(f"{SVG}text") if t.get("font-weight") == "bold"]


def table_cells(block: str) -> list[tuple[str, str]]:
    """(row header, value) of each body row of the first table in an HTML fragment."""
    body = re.search(r"(?s)<tbody>(.*?)</tbody>", block).group(1)
    rows = re.findall(r'(?s)<th scope="row">(.*?)</th><td class="num">(.*?)</td>', body)
    return [(htmllib.unescape(h), htmllib.unescape(v)) for h, v in rows]


def figure_block(html: str, figure_pk: int) -> str:
    start = html.index(f'id="cijfer-{figure_pk}"')
    end = html.find('<div class="figure-block"', start + 1)
    return html[start:] if end == -1 else html[start:end]
