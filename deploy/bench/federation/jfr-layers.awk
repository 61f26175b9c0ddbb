# Sorts the CPU samples of a Java Flight Recording into the layers an ActivityPub request passes through:
#   jfr print --stack-depth 200 --events jdk.ExecutionSample rec.jfr | awk -f jfr-layers.awk
# A sample counts for the first frame, from the top of its stack, that belongs to a known layer (so time in
# java.lang.String under the JSON-LD processor counts as JSON-LD). Prints one line:
#   profile (N samples): JSON-LD (Jena, Titanium) 31%, Hibernate 12%, ...
# (The layers of deploy/bench/forum/jfr-layers.awk, plus those of federation: JSON-LD, signatures, HTML
# cleaning, Artemis, the outbound HTTP client.)
function layer(f) {
  if (f ~ /org\.apache\.jena|com\.apicatalog/) return "JSON-LD (Jena, Titanium)";
  if (f ~ /org\.kinship\.federation\.jsonld/) return "Kinship's activity reader";
  if (f ~ /sun\.security\.rsa|java\.math\.BigInteger|java\.security\.Signature|sun\.security\.provider|java\.security\.KeyFactory|sun\.security\.util/) return "RSA, digests, key parsing";
  if (f ~ /org\.kinship\.federation\.signature/) return "Kinship's signature code";
  if (f ~ /org\.jsoup/) return "HTML cleaning (jsoup)";
  if (f ~ /org\.commonmark/) return "Markdown";
  if (f ~ /org\.postgresql/) return "PostgreSQL JDBC driver";
  if (f ~ /org\.hibernate/) return "Hibernate";
  if (f ~ /org\.jboss\.jca|org\.jboss\.as\.connector|org\.jboss\.jca\.adapters/) return "JCA pool and datasource";
  if (f ~ /org\.apache\.activemq|org\.wildfly\.extension\.messaging|io\.netty/) return "Artemis (JMS)";
  if (f ~ /com\.arjuna|org\.jboss\.tm|org\.jboss\.narayana|org\.wildfly\.transaction/) return "transactions";
  if (f ~ /jdk\.internal\.net\.http|java\.net\.http/) return "JDK HttpClient (outbound)";
  if (f ~ /yasson|JsonBindingProvider|org\.glassfish\.json|org\.eclipse\.parsson|jakarta\.json/) return "JSON-P, JSON-B";
  if (f ~ /org\.jboss\.weld/) return "Weld CDI";
  if (f ~ /org\.jboss\.resteasy/) return "RESTEasy";
  if (f ~ /org\.jboss\.as\.ejb3|org\.jboss\.ejb/) return "EJB (message-driven beans)";
  if (f ~ /org\.kinship/) return "Kinship";
  if (f ~ /io\.undertow|org\.xnio|org\.jboss\.threads/) return "Undertow, XNIO, threads";
  if (f ~ /org\.jboss\.logging|org\.jboss\.logmanager/) return "logging";
  return "";
}
function flush() { if (!inside) return; n++; if (got == "") got = "JDK only"; count[got]++ }
/^jdk\.ExecutionSample/ { flush(); inside = 1; got = ""; next }
/^[ \t]+[a-zA-Z_$][^ ]*\(/ { if (inside && got == "") got = layer($0) }
END {
  flush()
  out = ""
  while (1) {   # largest first
    best = ""; for (k in count) if (best == "" || count[k] > count[best]) best = k
    if (best == "") break
    out = out (out == "" ? "" : ", ") sprintf("%s %.0f%%", best, 100 * count[best] / n)
    delete count[best]
  }
  printf "profile (%d samples): %s\n", n, out
}
