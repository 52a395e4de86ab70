// Lucene + Nori (Elasticsearch's engine and Korean analyzer) as a measured
// peer for revsearch. Compiled at benchmark time against Debian's
// liblucene8-java jars (see benchmarks/lucene/nori-peer.sh); no build tool.
//
//   index DOCS.jsonl INDEXDIR [THREADS]
//       (THREADS writer threads, default one per core as revsearch index)
//       one document per line ({"id","title","text"}, as written by
//       `peers.py prepare`); KoreanAnalyzer with default settings (what
//       Elasticsearch's `nori` analyzer is) on title and text; id, title and
//       text stored; BM25; forceMerge(1); commit. Prints
//       {"seconds": S, "docs": N, "segments": 1, "threads": T}, N being the
//       index's document count (checked against the lines read).
//   query INDEXDIR WARMUP REPEAT < queries.tsv
//       SET<TAB>QUERY lines (the Xapian translation of the query set:
//       words, "phrases", title:word). QueryParser over `text`, default OR,
//       top 10 with stored text read. One JSON object per query run, like
//       xapian_query_timer: {"set","ms","hits","matches"}; `matches` is an
//       exact count made outside the timing (as peers.py does for FTS5).
//   retrieve DOCS.jsonl K < queries.tsv
//       in-memory index of DOCS (same analyzer, one writer thread so that
//       ids, and the order of equal scores, follow the file), then for each line
//       QID<TAB>QUERY[<TAB>RELEVANT_ID,RELEVANT_ID...] the top K ids of the
//       OR of the Nori-analysed query words over `text` (BM25). Prints one
//       JSON line per query {"qid","query","terms","ids"}; when relevant
//       ids are given, a last line {"summary":true,"queries","recall_at_10",
//       "mrr"} (recall of the top 10, reciprocal rank of the first relevant
//       id in the top 10; the definitions of korean_retrieval.cc).
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

public final class NoriPeer {
  private NoriPeer() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("index")) {
      int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
      index(Paths.get(args[1]), Paths.get(args[2]), threads);
    } else if (args.length == 4 && args[0].equals("query")) {
      query(Paths.get(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    } else if (args.length == 3 && args[0].equals("retrieve")) {
      retrieve(Paths.get(args[1]), Integer.parseInt(args[2]));
    } else {
      System.err.println("usage: NoriPeer index DOCS.jsonl INDEXDIR [THREADS]\n"
          + "       NoriPeer query INDEXDIR WARMUP REPEAT < queries.tsv\n"
          + "       NoriPeer retrieve DOCS.jsonl K < queries.tsv");
      System.exit(2);
    }
  }

  // ---- indexing ----

  private static IndexWriterConfig writerConfig(Analyzer analyzer) {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setSimilarity(new BM25Similarity());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    return config;
  }

  private static Document toDocument(Map<String, String> row) {
    Document doc = new Document();
    doc.add(new StringField("id", row.getOrDefault("id", ""), Field.Store.YES));
    String title = row.getOrDefault("title", "");
    if (!title.isEmpty()) doc.add(new TextField("title", title, Field.Store.YES));
    doc.add(new TextField("text", row.getOrDefault("text", ""), Field.Store.YES));
    return doc;
  }

  private static final List<Document> END = new ArrayList<>();

  // One reader thread parses JSON lines into batches; THREADS writer threads
  // call addDocument (IndexWriter is thread-safe, as Elasticsearch's bulk
  // indexing uses it).
  private static int addAll(Path docs, IndexWriter writer, int threads) throws Exception {
    BlockingQueue<List<Document>> queue = new ArrayBlockingQueue<>(4 * threads);
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; ++t) {
      Thread worker = new Thread(() -> {
        try {
          for (List<Document> batch = queue.take(); batch != END; batch = queue.take()) {
            for (Document d : batch) writer.addDocument(d);
          }
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        }
      });
      worker.start();
      workers.add(worker);
    }
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
      List<Document> batch = new ArrayList<>();
      for (String line; (line = in.readLine()) != null;) {
        if (line.isBlank()) continue;
        batch.add(toDocument(Json.parseObject(line)));
        ++n;
        if (batch.size() == 256) {
          queue.put(batch);
          batch = new ArrayList<>();
        }
        if (failure.get() != null) break;
      }
      if (!batch.isEmpty()) queue.put(batch);
    } finally {
      for (int t = 0; t < threads; ++t) queue.put(END);
      for (Thread w : workers) w.join();
    }
    if (failure.get() != null) throw failure.get();
    return n;
  }

  private static void index(Path docs, Path dir, int threads) throws Exception {
    long t0 = System.nanoTime();
    int n, indexed, segments;
    try (Analyzer analyzer = new KoreanAnalyzer();
         Directory directory = FSDirectory.open(dir);
         IndexWriter writer = new IndexWriter(directory, writerConfig(analyzer))) {
      n = addAll(docs, writer, threads);
      writer.forceMerge(1);
      writer.commit();
      indexed = writer.getDocStats().numDocs;
    }
    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      segments = reader.leaves().size();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    // Invariant for the report: every line read is a document of the index.
    if (indexed != n) throw new IllegalStateException(n + " lines read but " + indexed + " documents indexed");
    System.out.printf("{\"seconds\": %.3f, \"docs\": %d, \"segments\": %d, \"threads\": %d}%n",
        seconds, indexed, segments, threads);
  }

  // ---- query timing ----

  private static void query(Path dir, int warmup, int repeat) throws Exception {
    List<String[]> queries = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null;) {
        int tab = line.indexOf('\t');
        if (tab >= 0) queries.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
      }
    }
    try (Analyzer analyzer = new KoreanAnalyzer();
         Directory directory = FSDirectory.open(dir);
         DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity());
      QueryParser parser = new QueryParser("text", analyzer);  // default operator OR
      Query[] parsed = new Query[queries.size()];
      int[] matches = new int[queries.size()];
      for (int i = 0; i < parsed.length; ++i) {
        parsed[i] = parser.parse(queries.get(i)[1]);
        matches[i] = searcher.count(parsed[i]);
      }
      long sink = 0;
      for (int r = 0; r < warmup; ++r) {
        for (Query q : parsed) sink += run(searcher, q);
      }
      StringBuilder out = new StringBuilder();
      for (int r = 0; r < repeat; ++r) {
        for (int i = 0; i < parsed.length; ++i) {
          long t0 = System.nanoTime();
          long packed = run(searcher, parsed[i]);
          double ms = (System.nanoTime() - t0) / 1e6;
          sink += packed;
          out.append(String.format("{\"set\":\"%s\",\"ms\":%.6f,\"hits\":%d,\"matches\":%d}%n",
              Json.escape(queries.get(i)[0]), ms, packed & 0xffff, matches[i]));
        }
      }
      System.out.print(out);
      if (sink == 42) System.err.println();  // keep the work observable
    }
  }

  // Top 10 with the stored text read; returns bytes read << 16 | hits.
  private static long run(IndexSearcher searcher, Query q) throws IOException {
    TopDocs top = searcher.search(q, 10);
    long bytes = 0;
    for (ScoreDoc sd : top.scoreDocs) bytes += searcher.doc(sd.doc).get("text").length();
    return bytes << 16 | top.scoreDocs.length;
  }

  // ---- retrieval checks ----

  private static List<String> analyse(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) terms.add(term.toString());
      ts.end();
    }
    return terms;
  }

  private static void retrieve(Path docs, int k) throws Exception {
    try (Analyzer analyzer = new KoreanAnalyzer(); Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, writerConfig(analyzer))) {
        // One writer thread: documents get ids in file order, so BM25 ties
        // (frequent among short reviews) break the same way every run.
        addAll(docs, writer, 1);
        writer.forceMerge(1);
        writer.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(directory);
           BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        int judged = 0;
        double recall = 0, mrr = 0;
        StringBuilder out = new StringBuilder();
        for (String line; (line = in.readLine()) != null;) {
          if (line.isBlank() || line.startsWith("#")) continue;
          String[] cols = line.split("\t", -1);
          if (cols.length < 2) continue;
          // OR of the analysed words, as QueryParser with default OR builds it;
          // a term analysed twice counts once.
          List<String> terms = analyse(analyzer, cols[1]);
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          Set<String> seen = new HashSet<>();
          for (String t : terms) {
            if (seen.add(t)) b.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
          }
          Query q = seen.isEmpty() ? new MatchNoDocsQuery() : b.build();
          TopDocs top = searcher.search(q, k);
          List<String> ids = new ArrayList<>();
          for (ScoreDoc sd : top.scoreDocs) ids.add(searcher.doc(sd.doc).get("id"));
          out.append("{\"qid\":\"").append(Json.escape(cols[0])).append("\",\"query\":\"")
              .append(Json.escape(cols[1])).append("\",\"terms\":").append(Json.array(terms))
              .append(",\"ids\":").append(Json.array(ids)).append("}\n");
          if (cols.length > 2 && !cols[2].isEmpty()) {
            Set<String> relevant = new HashSet<>(List.of(cols[2].split(",")));
            int found = 0;
            double rr = 0;
            for (int r = 0; r < Math.min(10, ids.size()); ++r) {
              if (relevant.contains(ids.get(r))) {
                if (found == 0) rr = 1.0 / (r + 1);
                ++found;
              }
            }
            recall += (double) found / relevant.size();
            mrr += rr;
            ++judged;
          }
        }
        if (judged > 0) {
          out.append(String.format("{\"summary\":true,\"queries\":%d,\"recall_at_10\":%.6f,\"mrr\":%.6f}%n",
              judged, recall / judged, mrr / judged));
        }
        System.out.print(out);
      }
    }
  }

  // ---- minimal JSON for flat objects of strings and numbers ----

  static final class Json {
    private final String s;
    private int i;

    private Json(String s) {
      this.s = s;
    }

    static Map<String, String> parseObject(String line) {
      Json p = new Json(line);
      Map<String, String> out = new HashMap<>();
      p.ws();
      p.expect('{');
      p.ws();
      if (p.peek() == '}') return out;
      while (true) {
        p.ws();
        String key = p.string();
        p.ws();
        p.expect(':');
        p.ws();
        out.put(key, p.value());
        p.ws();
        char c = p.s.charAt(p.i++);
        if (c == '}') return out;
        if (c != ',') throw new IllegalArgumentException("bad JSON at " + p.i + ": " + line);
      }
    }

    private char peek() {
      return s.charAt(i);
    }

    private void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) ++i;
    }

    private void expect(char c) {
      if (s.charAt(i++) != c) throw new IllegalArgumentException("expected '" + c + "' at " + i + ": " + s);
    }

    private String value() {
      if (peek() == '"') return string();
      int start = i;  // number, true, false, null: kept as their text
      while (i < s.length() && ",}] \t".indexOf(s.charAt(i)) < 0) ++i;
      String v = s.substring(start, i);
      return v.equals("null") ? "" : v;
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') return b.toString();
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n': b.append('\n'); break;
          case 't': b.append('\t'); break;
          case 'r': b.append('\r'); break;
          case 'b': b.append('\b'); break;
          case 'f': b.append('\f'); break;
          case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
          default: b.append(e);  // \" \\ \/
        }
      }
    }

    static String escape(String v) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < v.length(); ++k) {
        char c = v.charAt(k);
        if (c == '"' || c == '\\') b.append('\\').append(c);
        else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
        else b.append(c);
      }
      return b.toString();
    }

    static String array(List<String> values) {
      StringBuilder b = new StringBuilder("[");
      for (int k = 0; k < values.size(); ++k) {
        if (k > 0) b.append(',');
        b.append('"').append(escape(values.get(k))).append('"');
      }
      return b.append(']').toString();
    }
  }
}
