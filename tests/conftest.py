"""Suite-wide test settings.

On CI (`CI` set) Hypothesis runs derandomized: the same examples every run, so a red build
always means a changed behaviour, never a lucky draw. Locally it explores new examples each
run, which is where a rare counterexample should be found and then pinned with @example.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
