"""GraphML export of a link store for analysts' graph tools (Gephi, yEd, networkx).

Nodes are items (attributes: path, kind, faces); edges are links (kind, score, inliers or
distance, model; for place links, whether attaching made them, ``guided``, the share of
their inliers found in no other place, ``own_share``, and the build stage that offered the
pair, ``found_by``). The place links a refusal test
turned down (``linking.refused_links``) are edges too, of kind ``refused``, with the test
in ``refused``: a reviewer filters them in or out. Paths are written as they are stored;
no picture is exported.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from safeguard.link.linking import groups, refused_links
from safeguard.link.store import LinkStore

NS = "http://graphml.graphdrawing.org/xmlns"
_KEYS = (
    ("path", "node", "string"),
    ("kind", "node", "string"),
    ("faces", "node", "int"),
    ("groups", "node", "string"),
    ("link", "edge", "string"),
    ("score", "edge", "double"),
    ("inliers", "edge", "int"),
    ("distance", "edge", "double"),
    ("model", "edge", "string"),
    ("guided", "edge", "boolean"),
    ("own_share", "edge", "double"),
    ("found_by", "edge", "string"),
    ("refused", "edge", "string"),
)


def to_graphml(store: LinkStore) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for name, where, kind in _KEYS:
        ET.SubElement(
            root,
            f"{{{NS}}}key",
            {"id": f"{where}_{name}", "for": where, "attr.name": name, "attr.type": kind},
        )
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "links", "edgedefault": "undirected"})
    member_of: dict[str, list[str]] = {}
    for g in groups(store):
        for m in g.members:
            member_of.setdefault(m, []).append(g.id)

    def data(parent: ET.Element, key: str, value: object) -> None:
        if value is not None:
            ET.SubElement(parent, f"{{{NS}}}data", {"key": key}).text = str(value)

    for item in sorted(store.items.values(), key=lambda i: i.id):
        node = ET.SubElement(graph, f"{{{NS}}}node", {"id": item.id})
        data(node, "node_path", item.path)
        data(node, "node_kind", item.kind)
        data(node, "node_faces", item.faces)
        data(node, "node_groups", " ".join(member_of.get(item.id, [])) or None)
    for n, link in enumerate(sorted(store.links.values(), key=lambda x: x.key)):
        edge = ET.SubElement(
            graph, f"{{{NS}}}edge", {"id": f"e{n}", "source": link.a, "target": link.b}
        )
        data(edge, "edge_link", link.kind)
        data(edge, "edge_score", link.score)
        data(edge, "edge_inliers", link.inliers)
        data(edge, "edge_distance", link.distance)
        data(edge, "edge_model", link.model)
        data(edge, "edge_own_share", link.own_share)
        data(edge, "edge_found_by", link.found_by)
        data(
            edge,
            "edge_guided",
            ("true" if link.guided else "false") if link.kind == "place" else None,
        )
    for n, r in enumerate(refused_links(store), start=len(store.links)):
        edge = ET.SubElement(
            graph, f"{{{NS}}}edge", {"id": f"e{n}", "source": r["a"], "target": r["b"]}
        )
        data(edge, "edge_link", "refused")
        data(edge, "edge_refused", r["refused"])
        data(edge, "edge_score", r.get("score"))
        data(edge, "edge_inliers", r.get("inliers"))
        data(edge, "edge_model", r.get("model"))
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def write_graphml(store: LinkStore, path: str | Path) -> None:
    Path(path).write_bytes(to_graphml(store))
