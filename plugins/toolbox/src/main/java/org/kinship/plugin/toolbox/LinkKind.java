package org.kinship.plugin.toolbox;

import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A link the admins curate: a local activity or a user organisation. Only http and https, never javascript: or data:. */
final class LinkKind extends ItemKind {
    static final Set<String> KINDS = Set.of("activity", "organisation");

    @Override
    String path() {
        return "links";
    }

    @Override
    String table() {
        return "toolbox_link";
    }

    @Override
    List<String> columns() {
        return List.of("title", "url", "description", "kind");
    }

    @Override
    Object[] values(Fields f) {
        String title = f.line("title", 150, true, "title_invalid");
        String url = url(f.line("url", 2000, true, "url_invalid"), f);
        String description = f.text("description", 1000);
        String kind = f.line("kind", 32, true, "kind_invalid");
        if (!KINDS.contains(kind)) {
            throw f.refusals.of("kind_invalid");
        }
        return new Object[] {title, url, description, kind};
    }

    static String url(String text, Fields f) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()
                    || uri.getRawUserInfo() != null) {
                throw f.refusals.of("url_invalid");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw f.refusals.of("url_invalid");
        }
    }

    @Override
    void write(ResultSet row, JsonObjectBuilder out) throws SQLException {
        out.add("title", row.getString("title"));
        out.add("url", row.getString("url"));
        Store.addNullable(out, "description", row.getString("description"));
        out.add("kind", row.getString("kind"));
    }

    @Override
    String order() {
        return "kind, title, id";
    }

    @Override
    boolean personal() {
        return false;
    }
}
