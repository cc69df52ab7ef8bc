"""Linking media that shows the same place or the same person, as ranked suggestions for
trained reviewers (never identifications; nothing is linked to a name).

- ``features``: SIFT keypoints and RootSIFT descriptors of a picture (bounded decoding).
- ``verify``: tentative matches and MAGSAC geometric verification, with evidence.
- ``vlad``: the global descriptor that shortlists candidates, codebook from the collection.
- ``faces``: optional dlib faces (extra ``[faces]``).
- ``video``: keyframes of a video as views.
- ``extract``: one file's views, features and faces (runs on workers).
- ``store``: the link store folder (arrays, links, items).
- ``linking``: build, query and groups. ``graphml``: export.
"""
