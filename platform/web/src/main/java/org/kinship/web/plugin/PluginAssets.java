package org.kinship.web.plugin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.regex.Pattern;
import org.kinship.platform.plugin.InstalledPlugin;
import org.kinship.platform.plugin.PluginHost;

/**
 * Serves a plugin's web files ({@code /app/plugins/{id}/{file}}) from its jar's
 * {@code kinship-plugin/{id}/web/} folder. Only that folder, only known file types, only plain
 * relative names: a request cannot reach a class file or another plugin's files. Served whether
 * or not a community has the plugin on (the files are code, not data); the pages check.
 */
@WebServlet("/app/plugins/*")
public class PluginAssets extends HttpServlet {
    private static final Pattern FILE = Pattern.compile("/([a-z][a-z0-9-]{1,31})/((?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_.-]+\\.([a-z0-9]+))");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "webp", "image/webp");

    @Inject
    PluginHost host;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var match = request.getPathInfo() == null ? null : FILE.matcher(request.getPathInfo());
        if (match == null || !match.matches() || match.group(2).contains("..") || !TYPES.containsKey(match.group(3))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        InstalledPlugin plugin = host.loaded(match.group(1)).orElse(null);
        URL file = plugin == null ? null
                : plugin.plugin().getClass().getClassLoader().getResource("kinship-plugin/" + plugin.id() + "/web/" + match.group(2));
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(TYPES.get(match.group(3)));
        // Like the platform's own /app files: revalidated, so a new plugin version shows at once.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
