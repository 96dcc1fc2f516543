"""The addresses and file paths the site publishes that more than one layer needs: one
definition each.

Page addresses are site-absolute and Finnish (``/haku/``); another language's is under its
prefix (:func:`generator.i18n.languages.url_in`). Files are site-relative (``haku/data/``). The
checker predicts the published site from them (:mod:`generator.content.site_map`), and the
page plan (:mod:`generator.site.planner`), the finder (:mod:`generator.search.index`) and the
open data (:mod:`generator.opendata.tables`) publish at them.
"""

HOME_URL = "/"
STATISTICS_URL = "/tilastot/"
OPEN_DATA_URL = "/avoin-data/"
# A listing longer than site.page_size continues at <page>/sivu/2/, <page>/sivu/3/, ...
PAGE_SEGMENT = "sivu"

# The finder: its page, its data (another language's under its prefix, see
# generator.search.index.data_dir) and its scripts.
FINDER_URL = "/haku/"
FINDER_DATA_DIR = "haku/data/"
FINDER_ASSET_DIR = "assets/haku/"
FINDER_SCRIPT = "finder.js"
# lunr's files the browser loads, in load order, under the names the site publishes them as.
# lunr.fi.js serves every finder: the Swedish and English ones also search Finnish words.
BROWSER_FILES = ("lunr.js", "lunr.stemmer.support.js", "lunr.fi.js", "lunr.sv.js")

# The open data (generator.opendata.tables).
OPEN_DATA_DIR = "data/"
EXPERIMENTS_JSON = OPEN_DATA_DIR + "kokeilut.json"
LEARNINGS_JSON = OPEN_DATA_DIR + "opit.json"
EXPERIMENTS_CSV = OPEN_DATA_DIR + "kokeilut.csv"
EXPERIMENTS_SCHEMA = OPEN_DATA_DIR + "kokeilut.schema.json"
LEARNINGS_SCHEMA = OPEN_DATA_DIR + "opit.schema.json"
OPEN_DATA_FILES = (EXPERIMENTS_CSV, EXPERIMENTS_JSON, EXPERIMENTS_SCHEMA, LEARNINGS_JSON, LEARNINGS_SCHEMA)

# The Atom feed of the Finnish site; each other language's is beside it at the site root
# (generator.i18n.languages.feed_file).
FEED_FILE = "feed.xml"
