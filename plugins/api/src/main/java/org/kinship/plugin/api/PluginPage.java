package org.kinship.plugin.api;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A page the plugin adds to the web client, at {@code /c/{community}/p/{plugin id}/{path}}.
 *
 * <p>The page is an ES module in the plugin's jar at {@code kinship-plugin/{id}/web/{module}},
 * served by the host at {@code /app/plugins/{id}/{module}}. Its default export is an async
 * function that receives a {@code kit} and returns {@code {title, nodes}} (the page's title and
 * the DOM nodes to show; optionally {@code dispose()} to run when the page is left):
 *
 * <pre>{@code
 * export default async function page(kit) {
 *   const goals = await kit.api('/goals');          // GET /api/communities/{c}/plugins/{id}/goals
 *   return { title: 'Goals', nodes: [kit.h('h1', {}, 'Goals'), ...] };
 * }
 * }</pre>
 *
 * The kit holds: {@code h(tag, attributes, ...children)} to build elements;
 * {@code api(path, {method, body})} for the plugin's own endpoints, relative to its base
 * ({@code api('')} is the base itself; JSON in and out; rejects with an error carrying
 * {@code code} and {@code message}); {@code lang} ({@code en} or {@code nb});
 * {@code community} ({@code id, slug, name}); {@code member} ({@code id, pseudonym, role}) or null;
 * {@code rest} (the path after the page's own, for detail pages); {@code query}
 * (URLSearchParams); {@code href(path)} for a link to another page of the plugin ({@code href('')} is its start page);
 * {@code navigate(path)}; {@code announce(text)} for screen readers; {@code errorText(error)}
 * for a translated error message.
 * A page may style itself with its own stylesheet from the same folder
 * ({@code h('link', {rel: 'stylesheet', href: '/app/plugins/{id}/page.css'})} among its nodes).
 * Pages must work at 360 px wide, by keyboard, with a screen reader, in both languages.
 *
 * @param path        the page's place under the plugin ({@code ""} for its start page, or {@code goals})
 * @param module      the ES module file under the jar's {@code kinship-plugin/{id}/web/}
 * @param titles      the page's name in navigation, by language tag ({@code en} required)
 * @param navigation  whether the community's navigation links to this page
 */
public record PluginPage(String path, String module, Map<String, String> titles, boolean navigation) {
    private static final Pattern PATH = Pattern.compile("|[a-z][a-z0-9-]{0,31}");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.js");

    public PluginPage {
        Objects.requireNonNull(path, "path");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("A page path is empty or one lower-case word: '" + path + "'");
        }
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("A page module is a relative .js path: '" + module + "'");
        }
        titles = Map.copyOf(titles);
        if (!titles.containsKey("en")) {
            throw new IllegalArgumentException("A page needs at least an English title");
        }
    }

    public String title(String language) {
        return titles.getOrDefault(language, titles.get("en"));
    }
}
