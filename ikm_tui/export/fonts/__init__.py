"""DejaVu Sans (regular and bold), shipped so the printed minutes embed a Unicode font.

Indonesian names with accents and every character of ``Rp 3.000.000`` print the same on any
machine. Licence: Bitstream Vera / public-domain DejaVu changes, see ``LICENSE-DejaVu.txt``.
"""

from pathlib import Path

FOLDER = Path(__file__).parent
REGULAR = FOLDER / "DejaVuSans.ttf"
BOLD = FOLDER / "DejaVuSans-Bold.ttf"
