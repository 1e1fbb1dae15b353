"""The table the typed Core Data Model classes are generated from (``scripts/gen_cdm.py``), and that the emulator
builds its ``cdf_cdm`` and ``cdf_extraction_extensions`` system containers and views from.

A view is a list of entries: the name of a view it implements (its properties come first, in their order) or an own
property ``(attribute, wire identifier, type)``. Types: ``text``, ``bool``, ``int``, ``float32``, ``float64``,
``timestamp``, ``direct``, ``json``, ``states`` (a list of state-set entries) and ``enum:a|b|c``; a ``[]`` suffix makes
a list; a ``!`` suffix marks a property CDF sets (read classes only); a ``*`` suffix a required one.
"""

from __future__ import annotations

from typing import Union

__all__ = ["CDM_SPACE", "CLASSES", "EXTENSIONS_SPACE", "VIEWS", "Entry", "Prop", "view_properties"]

CDM_SPACE = "cdf_cdm"
EXTENSIONS_SPACE = "cdf_extraction_extensions"

Prop = tuple[str, str, str]
Entry = Union[str, Prop]  # noqa: UP007 (a runtime alias)

_MODEL_TYPE = "enum:CAD|PointCloud|Image360"

#: view external id -> (space, entries)
VIEWS: dict[str, tuple[str, list[Entry]]] = {
    "CogniteDescribable": (CDM_SPACE, [
        ("name", "name", "text"), ("description", "description", "text"), ("tags", "tags", "text[]"),
        ("aliases", "aliases", "text[]"),
    ]),
    "CogniteSourceable": (CDM_SPACE, [
        ("source_id", "sourceId", "text"), ("source_context", "sourceContext", "text"),
        ("source", "source", "direct"), ("source_created_time", "sourceCreatedTime", "timestamp"),
        ("source_updated_time", "sourceUpdatedTime", "timestamp"),
        ("source_created_user", "sourceCreatedUser", "text"), ("source_updated_user", "sourceUpdatedUser", "text"),
    ]),
    "CogniteSchedulable": (CDM_SPACE, [
        ("start_time", "startTime", "timestamp"), ("end_time", "endTime", "timestamp"),
        ("scheduled_start_time", "scheduledStartTime", "timestamp"),
        ("scheduled_end_time", "scheduledEndTime", "timestamp"),
    ]),
    "CogniteVisualizable": (CDM_SPACE, [("object_3d", "object3D", "direct")]),
    "Cognite3DTransformation": (CDM_SPACE, [
        (f"{kind}_{axis}", f"{kind.split('_')[0]}{kind.split('_')[1].capitalize() if '_' in kind else ''}"
         f"{axis.upper()}", "float64")
        for kind in ("translation", "euler_rotation", "scale") for axis in ("x", "y", "z")
    ]),
    "CogniteCubeMap": (CDM_SPACE, [(side, side, "direct") for side in ("front", "back", "left", "right", "top",
                                                                          "bottom")]),
    "Cognite3DModel": (CDM_SPACE, ["CogniteDescribable", ("model_type", "type", _MODEL_TYPE),
                                   ("thumbnail", "thumbnail", "direct")]),
    "CogniteCADModel": (CDM_SPACE, ["Cognite3DModel"]),
    "CognitePointCloudModel": (CDM_SPACE, ["Cognite3DModel"]),
    "Cognite360ImageModel": (CDM_SPACE, ["Cognite3DModel"]),
    "Cognite3DRevision": (CDM_SPACE, [
        ("status", "status", "enum:Queued|Processing|Done|Failed"), ("published", "published", "bool"),
        ("revision_type", "type", _MODEL_TYPE), ("model_3d", "model3D", "direct"),
    ]),
    "CogniteCADRevision": (CDM_SPACE, ["Cognite3DRevision", ("revision_id", "revisionId", "int")]),
    "CognitePointCloudRevision": (CDM_SPACE, ["Cognite3DRevision", ("revision_id", "revisionId", "int")]),
    "Cognite360ImageCollection": (CDM_SPACE, ["CogniteDescribable", "Cognite3DRevision"]),
    "Cognite360ImageStation": (CDM_SPACE, ["CogniteDescribable", ("group_type", "groupType", "enum:Station360")]),
    "Cognite360Image": (CDM_SPACE, [
        "Cognite3DTransformation", "CogniteCubeMap", ("collection_360", "collection360", "direct"),
        ("station_360", "station360", "direct"), ("taken_at", "takenAt", "timestamp"),
    ]),
    "Cognite3DObject": (CDM_SPACE, ["CogniteDescribable"] + [
        (f"{axis}_{end}", f"{axis}{end.capitalize()}", "float32") for axis in "xyz" for end in ("min", "max")
    ]),
    "CogniteCADNode": (CDM_SPACE, [
        "CogniteDescribable", ("object_3d", "object3D", "direct"), ("model_3d", "model3D", "direct"),
        ("cad_node_reference", "cadNodeReference", "text"), ("revisions", "revisions", "direct[]"),
        ("tree_indexes", "treeIndexes", "int[]"), ("sub_tree_sizes", "subTreeSizes", "int[]"),
    ]),
    "CognitePointCloudVolume": (CDM_SPACE, [
        "CogniteDescribable", ("object_3d", "object3D", "direct"), ("model_3d", "model3D", "direct"),
        ("volume_references", "volumeReferences", "text[]"), ("revisions", "revisions", "direct[]"),
        ("volume_type", "volumeType", "enum:Cylinder|Box"), ("volume", "volume", "float64[]"),
        ("format_version", "formatVersion", "text"),
    ]),
    "CogniteAsset": (CDM_SPACE, [
        "CogniteVisualizable", "CogniteDescribable", "CogniteSourceable", ("parent", "parent", "direct"),
        ("root", "root", "direct!"), ("path", "path", "direct[]!"),
        ("path_last_updated_time", "pathLastUpdatedTime", "timestamp!"), ("asset_class", "assetClass", "direct"),
        ("asset_type", "type", "direct"),
    ]),
    "CogniteAssetClass": (CDM_SPACE, ["CogniteDescribable", ("code", "code", "text"), ("standard", "standard", "text")]),
    "CogniteAssetType": (CDM_SPACE, [
        "CogniteDescribable", ("code", "code", "text"), ("standard", "standard", "text"),
        ("asset_class", "assetClass", "direct"),
    ]),
    "CogniteEquipment": (CDM_SPACE, [
        "CogniteDescribable", "CogniteSourceable", ("asset", "asset", "direct"),
        ("serial_number", "serialNumber", "text"), ("manufacturer", "manufacturer", "text"),
        ("equipment_type", "equipmentType", "direct"), ("files", "files", "direct[]"),
    ]),
    "CogniteEquipmentType": (CDM_SPACE, [
        "CogniteDescribable", ("code", "code", "text"), ("equipment_class", "equipmentClass", "text"),
        ("standard", "standard", "text"), ("standard_reference", "standardReference", "text"),
    ]),
    "CogniteFile": (CDM_SPACE, [
        "CogniteDescribable", "CogniteSourceable", ("assets", "assets", "direct[]"),
        ("mime_type", "mimeType", "text"), ("directory", "directory", "text"),
        ("is_uploaded", "isUploaded", "bool!"), ("uploaded_time", "uploadedTime", "timestamp!"),
        ("category", "category", "direct"),
    ]),
    "CogniteFileCategory": (CDM_SPACE, [
        ("code", "code", "text"), "CogniteDescribable", ("standard", "standard", "text"),
        ("standard_reference", "standardReference", "text"),
    ]),
    "CogniteActivity": (CDM_SPACE, [
        "CogniteDescribable", "CogniteSourceable", "CogniteSchedulable", ("assets", "assets", "direct[]"),
        ("equipment", "equipment", "direct[]"), ("time_series", "timeSeries", "direct[]"),
    ]),
    "CogniteTimeSeries": (CDM_SPACE, [
        ("is_step", "isStep", "bool*"), ("time_series_type", "type", "enum:numeric|string|state*"),
        ("state_set", "stateSet", "direct"), "CogniteDescribable", "CogniteSourceable",
        ("source_unit", "sourceUnit", "text"), ("unit", "unit", "direct"), ("assets", "assets", "direct[]"),
        ("equipment", "equipment", "direct[]"),
    ]),
    "CogniteStateSet": (CDM_SPACE, [("states", "states", "states"), "CogniteDescribable", "CogniteSourceable"]),
    "CogniteUnit": (CDM_SPACE, [
        "CogniteDescribable", ("symbol", "symbol", "text"), ("quantity", "quantity", "text"),
        ("source", "source", "text"), ("source_reference", "sourceReference", "text"),
    ]),
    "CogniteSourceSystem": (CDM_SPACE, [
        "CogniteDescribable", ("source_system_version", "version", "text"),
        ("manufacturer", "manufacturer", "text"),
    ]),
    "CogniteAnnotation": (CDM_SPACE, [
        "CogniteDescribable", "CogniteSourceable", ("confidence", "confidence", "float64"),
        ("status", "status", "enum:Approved|Rejected|Suggested"),
    ]),
    "CogniteDiagramAnnotation": (CDM_SPACE, [
        "CogniteAnnotation", ("start_node_page_number", "startNodePageNumber", "int"),
        ("end_node_page_number", "endNodePageNumber", "int"),
        *[(f"start_node_{a}_{e}", f"startNode{a.upper()}{e.capitalize()}", "float32") for a in "xy" for e in ("min", "max")],
        ("start_node_text", "startNodeText", "text"),
        *[(f"end_node_{a}_{e}", f"endNode{a.upper()}{e.capitalize()}", "float32") for a in "xy" for e in ("min", "max")],
        ("end_node_text", "endNodeText", "text"),
    ]),
    "Cognite360ImageAnnotation": (CDM_SPACE, [
        "CogniteAnnotation", ("polygon", "polygon", "float32[]"), ("format_version", "formatVersion", "text"),
    ]),
    # the extractor extensions
    "CogniteExtractorData": (EXTENSIONS_SPACE, [("extracted_data", "extractedData", "json")]),
    "CogniteExtractorFile": (EXTENSIONS_SPACE, ["CogniteFile", "CogniteExtractorData"]),
    "CogniteExtractorTimeSeries": (EXTENSIONS_SPACE, [
        ("is_step", "isStep", "bool*"), ("time_series_type", "type", "enum:numeric|string|state*"),
        "CogniteDescribable", "CogniteSourceable", ("source_unit", "sourceUnit", "text"), ("unit", "unit", "direct"),
        ("assets", "assets", "direct[]"), ("equipment", "equipment", "direct[]"), "CogniteExtractorData",
    ]),
}  # fmt: skip

#: class name (without the ``Apply`` of the write form) -> (view, "node" or "edge")
CLASSES: dict[str, tuple[str, str]] = {
    **{name: (name, "node") for name in VIEWS if name not in (
        "CogniteDescribable", "CogniteSourceable", "Cognite3DTransformation", "CogniteAnnotation",
        "CogniteDiagramAnnotation", "Cognite360ImageAnnotation")},
    "CogniteDescribableNode": ("CogniteDescribable", "node"),
    "CogniteDescribableEdge": ("CogniteDescribable", "edge"),
    "CogniteSourceableNode": ("CogniteSourceable", "node"),
    "CogniteSourceableEdge": ("CogniteSourceable", "edge"),
    "Cognite3DTransformationNode": ("Cognite3DTransformation", "node"),
    "Cognite3DTransformationEdge": ("Cognite3DTransformation", "edge"),
    "CogniteAnnotation": ("CogniteAnnotation", "edge"),
    "CogniteDiagramAnnotation": ("CogniteDiagramAnnotation", "edge"),
    "Cognite360ImageAnnotation": ("Cognite360ImageAnnotation", "edge"),
}  # fmt: skip


def view_properties(view: str) -> list[tuple[Prop, str]]:
    """The properties of a view in order, each with the view whose container holds it."""
    out: list[tuple[Prop, str]] = []
    for entry in VIEWS[view][1]:
        if isinstance(entry, str):
            out.extend(view_properties(entry))
        else:
            out.append((entry, view))
    return out


def implemented(view: str) -> list[str]:
    """The views a view implements directly."""
    return [e for e in VIEWS[view][1] if isinstance(e, str)]
