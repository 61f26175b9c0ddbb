# Sorts the CPU samples of a Java Flight Recording into the layers of a Kinship request:
#   jfr print --stack-depth 200 --events jdk.ExecutionSample rec.jfr | awk [-v from=HH:MM:SS.mmm] -f jfr-layers.awk
# With from, samples taken before that time of day (the warm-up) are left out.
# A sample counts for the first frame, from the top of its stack, that belongs to a known layer
# (so time in java.lang.String under the JSON writer counts as JSON). Prints one line:
#   profile (N samples): Hibernate 27.6%, JSON (yasson, RESTEasy JSON-B) 14.2%, ...
function layer(f) {
  if (f ~ /jose4j|java\.math\.BigInteger|sun\.security\.rsa|java\.security\.Signature/) return "bearer token signature (RSA)";
  if (f ~ /org\.wildfly\.security/) return "Elytron OIDC and identity";
  if (f ~ /org\.postgresql/) return "PostgreSQL JDBC driver";
  if (f ~ /org\.hibernate/) return "Hibernate";
  if (f ~ /org\.jboss\.jca|org\.jboss\.as\.connector/) return "JCA pool and datasource";
  if (f ~ /ForumPayloads.*hashCode/) return "hashCode of the response records";
  if (f ~ /yasson|JsonBindingProvider|org\.glassfish\.json|org\.eclipse\.parsson/) return "JSON (yasson, RESTEasy JSON-B)";
  if (f ~ /org\.jboss\.weld/) return "Weld CDI";
  if (f ~ /org\.jboss\.resteasy/) return "RESTEasy";
  if (f ~ /com\.arjuna|org\.jboss\.tm|org\.jboss\.narayana/) return "transactions";
  if (f ~ /org\.kinship/) return "Kinship";
  if (f ~ /io\.undertow|org\.xnio|org\.jboss\.threads/) return "Undertow, XNIO, threads";
  if (f ~ /org\.jboss\.logging|org\.jboss\.logmanager/) return "logging";
  return "";
}
function flush() { if (!inside) return; n++; if (got == "") got = "JDK only"; count[got]++ }
/^jdk\.ExecutionSample/ { flush(); inside = 1; got = ""; next }
/^[ \t]+startTime = / { if (from != "" && $3 < from) inside = 0; next }
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
