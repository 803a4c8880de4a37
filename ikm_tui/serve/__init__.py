"""``ikm-tui serve``: the judge console in judges' browsers over the venue's Wi-Fi, offline.

``server`` (the web server and its limits), ``judge_process`` (one browser's console process),
``addresses``/``banner``/``qr`` (what the moderator is told to hand out), ``templates/`` and
``static/`` (the page, its script and style, and the bundled terminal font).
"""
