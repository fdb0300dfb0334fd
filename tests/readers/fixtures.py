"""Small inputs in every format, written for the tests (no corpus text)."""

ARTICLE = """<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">{pmid}</PMID>
<Article><Journal><JournalIssue><PubDate><Year>2020</Year><Month>Jan</Month></PubDate></JournalIssue>
<Title>Journal of Tests</Title></Journal><ArticleTitle>Drug {pmid} enhances <i>NK</i> cells.</ArticleTitle>
<Abstract><AbstractText Label="BACKGROUND">Lenalidomide is studied.</AbstractText>
<AbstractText Label="RESULTS">Lenalidomide enhanced the cytotoxicity of NK cells.</AbstractText></Abstract>
<AuthorList><Author><LastName>Doe</LastName><ForeName>Jane</ForeName></Author>
<Author><CollectiveName>Test Group</CollectiveName></Author></AuthorList>
<PublicationTypeList><PublicationType>Review</PublicationType></PublicationTypeList></Article>
<MeshHeadingList><MeshHeading><DescriptorName>Killer Cells, Natural</DescriptorName></MeshHeading></MeshHeadingList>
</MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId>
<ArticleId IdType="doi">10.1/{pmid}</ArticleId><ArticleId IdType="pmc">PMC{pmid}</ArticleId></ArticleIdList>
</PubmedData></PubmedArticle>
"""


def pubmed_xml(pmids, broken=(), doctype=True, tail=True) -> bytes:
    records = []
    for pmid in pmids:
        record = ARTICLE.format(pmid=pmid)
        if pmid in broken:
            record = record.replace("<ArticleTitle>", "<ArticleTitle><b>")
        records.append(record)
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if doctype:
        head += ('<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" '
                 '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n')
    text = head + "<PubmedArticleSet>\n" + "".join(records)
    return (text + ("</PubmedArticleSet>\n" if tail else "")).encode()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>
<ArticleTitle>&lol3;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""

EXTERNAL_ENTITY_JATS = b"""<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<article><front><article-meta><title-group><article-title>&secret;</article-title>
</title-group></article-meta></front></article>
"""

JATS = b"""<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD Journal Archiving and Interchange DTD v2.3 20070202//EN" "archivearticle.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink"><front>
<journal-meta><journal-id journal-id-type="nlm-ta">Test J</journal-id><journal-title>Test Journal</journal-title></journal-meta>
<article-meta><article-id pub-id-type="pmid">123</article-id><article-id pub-id-type="pmc">456</article-id>
<article-id pub-id-type="doi">10.1/abc</article-id>
<title-group><article-title>Lenalidomide and <italic>T cells</italic></article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Roe</surname><given-names>Ann</given-names></name></contrib></contrib-group>
<pub-date pub-type="epub"><year>2019</year></pub-date>
<abstract><sec><title>Background</title><p>Lenalidomide is an IMiD.</p></sec>
<sec><title>Results</title><p>Lenalidomide restores T-cell function.</p></sec></abstract>
</article-meta></front>
<body><sec><title>Introduction</title><p>Thalidomide stimulates T cells <xref ref-type="bibr" rid="B1">1</xref>.</p>
<sec><title>Sub</title><p>Second paragraph.<table-wrap><table><tr><td>cell 1</td></tr></table></table-wrap></p></sec></sec>
<fig id="F1"><label>Figure 1</label><caption><title>Effect on NK cells.</title><p>Lenalidomide enhanced NK cells.</p></caption></fig>
<fig id="F2"><label>Figure 2</label><caption><p>Treatment reduced Tregs.</p></caption></fig>
</body><back><ref-list><ref id="B1"><mixed-citation>Smith A. A reference.</mixed-citation></ref></ref-list></back></article>
"""

MEDLINE = """PMID- 111
OWN - NLM
DP  - 2001 Mar
TI  - Lenalidomide enhances NK cells: a
      continued title.
AB  - BACKGROUND: Lenalidomide is an IMiD. RESULTS: Lenalidomide enhanced the
      cytotoxicity of NK cells.
FAU - Doe, Jane
AU  - Doe J
JT  - Journal of Tests
LID - 10.1/111 [doi]
MH  - *Killer Cells, Natural/drug effects
PT  - Review

PMID- 222
TI  - Second record.
AB  - Thalidomide stimulates T cells.

PMID- notanumber
TI  - Broken record.
"""

PUBTATOR = """111|t|Lenalidomide and NK cells.
111|a|Lenalidomide enhanced the cytotoxicity of NK cells in myeloma.
111\t0\t12\tLenalidomide\tChemical\tD000077269
111\t27\t39\tLenalidomide\tChemical\tD000077269
111\t81\t88\tmyeloma\tDisease\tD009101
111\tCID\tD000077269\tD009101

222|t|Second title.
222|a|Second abstract.
"""

BIOC_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE collection SYSTEM "BioC.dtd">
<collection><source>PubTator</source><date>2024</date><key>BioC.key</key>
<document><id>111</id>
<passage><infon key="type">title</infon><offset>0</offset><text>Lenalidomide and NK cells.</text>
<annotation id="1"><infon key="type">Chemical</infon><infon key="identifier">D000077269</infon>
<location offset="0" length="12"/><text>Lenalidomide</text></annotation></passage>
<passage><infon key="type">abstract</infon><offset>27</offset><text>It enhanced NK cells in myeloma.</text>
<annotation id="2"><infon key="type">Disease</infon><infon key="identifier">D009101</infon>
<location offset="51" length="7"/><text>myeloma</text></annotation></passage>
<passage><infon key="type">fig_caption</infon><infon key="section_type">FIG</infon><offset>60</offset><text>Lenalidomide enhanced NK cells.</text></passage>
<passage><infon key="type">ref</infon><offset>92</offset><text>Smith A. A reference.</text></passage>
</document></collection>
"""

BIOC_JSON = """{"source": "PubTator", "documents": [{"id": "111", "infons": {}, "passages": [
 {"infons": {"type": "title"}, "offset": 0, "text": "Lenalidomide and NK cells.",
  "annotations": [{"id": "1", "infons": {"type": "Chemical", "identifier": "D000077269"},
   "locations": [{"offset": 0, "length": 12}], "text": "Lenalidomide"}]},
 {"infons": {"type": "abstract"}, "offset": 27, "text": "It enhanced NK cells in myeloma.",
  "annotations": [{"id": "2", "infons": {"type": "Disease", "identifier": "D009101"},
   "locations": [{"offset": 51, "length": 7}], "text": "myeloma"}]}]}]}"""

HTML = """<!DOCTYPE html><html><head><title>Page</title><script>var x = "Lenalidomide kills";</script>
<style>p {color: red}</style></head><body><nav>Home | Search | Lenalidomide news</nav>
<h1>Lenalidomide restores T-cell function in leukemia</h1>
<h2>Abstract</h2><p>Lenalidomide enhanced the cytotoxicity of NK cells &amp; T cells in patients.</p>
<h2>Figures</h2><p>Figure 1.</p><p>Lenalidomide reduced regulatory T cells.</p>
<h2>References</h2><ol><li>Smith A. A reference. Blood. 2000.</li></ol>
<footer>Copyright</footer></body></html>
"""
