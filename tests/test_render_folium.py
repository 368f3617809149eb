"""``syriamap.to_folium``: the layers on a folium map, offline."""

from __future__ import annotations

import re

import folium
from render_synthetic import make_input

import syriamap
from syriamap.render.folium_map import add_layers, offline_assets


def _resources(html: str) -> list[str]:
    """Scripts and stylesheets the page would fetch (not plain links in the credits)."""
    scripts = re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)
    sheets = re.findall(r'<link[^>]*\shref="([^"]+)"', html)
    return scripts + sheets


def test_to_folium_is_offline_and_has_the_layers():
    m = syriamap.to_folium("2024-12-07")
    assert isinstance(m, folium.Map)
    html = m.get_root().render()
    resources = _resources(html)
    assert resources and all(r.startswith("data:") for r in resources), resources
    names = {getattr(child, "layer_name", None) for child in m._children.values()}
    assert {"Governorates (leading side)", "Area claims", "Places"} <= names
    assert "whosonfirst.org" in html  # the credits


def test_layers_can_be_added_to_an_existing_map():
    m = folium.Map(location=[35, 38], zoom_start=6, tiles=None)
    before = len(m._children)
    out = syriamap.to_folium("2024-12-07", m=m, layer_control=False)
    assert out is m
    assert len(m._children) == before + 3


def test_source_text_is_escaped_in_popups():
    m = offline_assets(folium.Map(tiles=None))
    add_layers(m, make_input(20))
    html = m.get_root().render()
    assert "<script>window.__pwned=1</script>" not in html
    # escaped for HTML, then JSON-encoded by folium
    assert "\\u0026lt;script\\u0026gt;window.__pwned=1" in html
