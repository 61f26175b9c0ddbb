package org.kinship.plugin.toolbox;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kinship.plugin.api.Member;
import org.kinship.plugin.api.PluginRequest;

/**
 * What the toolbox does for one request, whoever asks; {@link ToolboxResource} puts it on HTTP.
 *
 * <p>The reading rule, the same for every endpoint: a personal item is read by its owner and by the
 * members it is shared with, and by nobody else, whatever their role. To anyone else it does not exist
 * ({@code item_not_found}), so that a refusal never tells whether there is something to refuse. A member
 * it is shared with reads it and is told {@code not_owner} when they try to change it. Curated exercises
 * and links are read by every member and changed only with {@code toolbox.curate}.
 *
 * <p>Every change validates the whole body before it writes, in one transaction.
 */
final class Toolbox {
    private static final String PERSONAL = "{kind: goals|activities|network|medications}";
    private static final String ANY = "{kind: goals|activities|network|medications|exercises|links}";

    private final PluginRequest request;
    private final Refusals refusals;

    Toolbox(PluginRequest request) {
        this.request = request;
        this.refusals = new Refusals(request.language());
    }

    private interface StoreWork<T> {
        T run(Store store) throws SQLException;
    }

    private <T> T tx(StoreWork<T> work) {
        return request.database().inTransaction(c -> work.run(new Store(c)));
    }

    private String community() {
        return request.community().id();
    }

    private ItemKind kind(String path) {
        return ItemKind.byPath(path).orElseThrow(() -> refusals.of("item_not_found"));
    }

    // ---- overview ----

    JsonStructure overview() {
        Member me = request.requireMember();
        return tx(store -> {
            JsonObjectBuilder counts = Json.createObjectBuilder();
            store.counts(community(), me.id()).forEach(counts::add);
            int shared = visibleShares(store, me).size();
            return (Json.createObjectBuilder()
                    .add("counts", counts)
                    .add("sharedWithMe", shared)
                    .add("exercises", store.count("select count(*) from toolbox_exercise where community_id = ?", community()))
                    .add("links", store.count("select count(*) from toolbox_link where community_id = ?", community()))
                    .add("canCurate", request.has(ToolboxPlugin.CURATE))
                    .build());
        });
    }

    // ---- items: list, create, read, change, delete ----

    JsonStructure list(String kindPath) {
        ItemKind kind = kind(kindPath);
        Member me = request.requireMember();
        return tx(store -> {
            JsonArrayBuilder items = Json.createArrayBuilder();
            for (JsonObject item : store.list(kind, community(), me.id())) {
                // The owner's list carries each item's shares, so that a page can show them without asking again.
                items.add(ownerView(store, kind, item));
            }
            return (items.build());
        });
    }

    JsonStructure create(String kindPath, String body) {
        ItemKind kind = kind(kindPath);
        Member me = kind.personal() ? request.requireMember() : request.require(ToolboxPlugin.CURATE);
        Object[] values = kind.values(Fields.parse(body, refusals));
        return tx(store -> {
            String id = store.insert(kind, community(), me.id(), values, request.now());
            return (ownerView(store, kind, store.find(kind, community(), id).orElseThrow().item()));
        });
    }

    JsonStructure read(String kindPath, String id) {
        ItemKind kind = kind(kindPath);
        Member me = request.requireMember();
        return tx(store -> {
            Store.Found found = store.find(kind, community(), id).orElseThrow(() -> refusals.of("item_not_found"));
            if (!kind.personal()) {
                return (found.item());
            }
            if (found.ownerId().equals(me.id())) {
                return (ownerView(store, kind, found.item()));
            }
            Member owner = readableOwner(store, kind, id, found, me).orElseThrow(() -> refusals.of("item_not_found"));
            return (sharedView(found.item(), owner));
        });
    }

    JsonStructure change(String kindPath, String id, String body) {
        ItemKind kind = kind(kindPath);
        Member me = kind.personal() ? request.requireMember() : request.require(ToolboxPlugin.CURATE);
        return tx(store -> {
            mustOwn(store, kind, id, me);
            Fields fields = Fields.parse(body, refusals);
            Object[] values = kind.values(fields);
            if (!store.update(kind, community(), id, fields.version(), values, request.now())) {
                throw refusals.of("version_conflict");
            }
            return (ownerView(store, kind, store.find(kind, community(), id).orElseThrow().item()));
        });
    }

    void delete(String kindPath, String id) {
        ItemKind kind = kind(kindPath);
        Member me = kind.personal() ? request.requireMember() : request.require(ToolboxPlugin.CURATE);
        tx(store -> {
            mustOwn(store, kind, id, me);
            store.delete(kind, community(), id);
            return null;
        });
    }

    /**
     * Fails unless {@code me} may change the item: its owner (for curated items, the curator already
     * checked). One who only has it shared is told {@code not_owner}; anyone else {@code item_not_found}.
     */
    private void mustOwn(Store store, ItemKind kind, String id, Member me) throws SQLException {
        Store.Found found = store.find(kind, community(), id).orElseThrow(() -> refusals.of("item_not_found"));
        if (!kind.personal() || found.ownerId().equals(me.id())) {
            return;
        }
        if (readableOwner(store, kind, id, found, me).isPresent()) {
            throw refusals.of("not_owner");
        }
        throw refusals.of("item_not_found");
    }

    /** The owner, when {@code me} may read their item: it is shared with me and its owner is still a member here. */
    private Optional<Member> readableOwner(Store store, ItemKind kind, String id, Store.Found found, Member me) throws SQLException {
        if (!store.isSharedWith(kind, id, me.id())) {
            return Optional.empty();
        }
        return request.member(found.ownerId());
    }

    private JsonObject ownerView(Store store, ItemKind kind, JsonObject item) throws SQLException {
        if (!kind.personal()) {
            return item;
        }
        return Json.createObjectBuilder(item).add("mine", true).add("sharedWith", shareList(store, kind, item.getString("id"))).build();
    }

    /** What a member an item is shared with sees: the item and whose it is, never who else it is shared with. */
    private static JsonObject sharedView(JsonObject item, Member owner) {
        return Json.createObjectBuilder(item).add("mine", false)
                .add("owner", Json.createObjectBuilder().add("pseudonym", owner.pseudonym()).add("role", owner.role().name()))
                .build();
    }

    // ---- shares ----

    private JsonArrayBuilder shareList(Store store, ItemKind kind, String id) throws SQLException {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (String memberId : store.sharedWith(kind, id)) {
            // A member who left no longer has access; they are not shown as having it.
            request.member(memberId).ifPresent(m -> out.add(person(m)));
        }
        return out;
    }

    private static JsonObjectBuilder person(Member m) {
        return Json.createObjectBuilder().add("memberId", m.id()).add("pseudonym", m.pseudonym()).add("role", m.role().name());
    }

    JsonStructure shares(String kindPath, String id) {
        ItemKind kind = kind(kindPath);
        Member me = request.requireMember();
        return tx(store -> {
            mustOwn(store, kind, id, me);
            return (shareList(store, kind, id).build());
        });
    }

    JsonStructure share(String kindPath, String id, String body) {
        ItemKind kind = kind(kindPath);
        Member me = request.requireMember();
        return tx(store -> {
            mustOwn(store, kind, id, me);
            Member target = shareTarget(Fields.parse(body, refusals));
            if (target.id().equals(me.id())) {
                throw refusals.of("share_with_self");
            }
            store.share(kind, community(), id, me.id(), target.id(), request.now());
            return (person(target).build());
        });
    }

    /** The member to share with, by {@code memberId} or {@code pseudonym}: an active member of this community. */
    private Member shareTarget(Fields fields) {
        String memberId = fields.line("memberId", 64, false, "share_target_not_member");
        String pseudonym = fields.line("pseudonym", 64, false, "share_target_not_member");
        Optional<Member> target = memberId != null ? request.member(memberId)
                : pseudonym != null ? request.memberNamed(pseudonym) : Optional.empty();
        return target.orElseThrow(() -> refusals.of("share_target_not_member"));
    }

    void unshare(String kindPath, String id, String memberId) {
        ItemKind kind = kind(kindPath);
        Member me = request.requireMember();
        tx(store -> {
            mustOwn(store, kind, id, me);
            if (!store.unshare(kind, id, memberId)) {
                throw refusals.of("share_not_found");
            }
            return null;
        });
    }

    JsonStructure sharedWithMe() {
        Member me = request.requireMember();
        return tx(store -> {
            JsonArrayBuilder out = Json.createArrayBuilder();
            for (Map.Entry<Store.ShareRef, Member> e : visibleShares(store, me)) {
                ItemKind kind = kind(e.getKey().kind());
                store.find(kind, community(), e.getKey().itemId())
                        .ifPresent(found -> out.add(sharedView(found.item(), e.getValue())));
            }
            return (out.build());
        });
    }

    /** Shares given to me whose owners are still members here (one who left stops being shown to others). */
    private List<Map.Entry<Store.ShareRef, Member>> visibleShares(Store store, Member me) throws SQLException {
        return store.sharedWithMember(community(), me.id()).stream()
                .flatMap(ref -> request.member(ref.ownerId()).map(owner -> Map.entry(ref, owner)).stream())
                .toList();
    }

    // ---- the planner's week ----

    JsonStructure planner(String week, String from) {
        Member me = request.requireMember();
        Week range;
        if (week != null && from != null) {
            throw refusals.of("validation_failed");
        } else if (week != null) {
            range = Week.parse(week, refusals);
        } else if (from != null) {
            range = Week.parseFrom(from, refusals);
        } else {
            range = Week.containing(LocalDate.ofInstant(request.now(), zone()));
        }
        return tx(store -> {
            List<JsonObject> activities = store.activities(community(), me.id(), range.from(), range.to());
            JsonArrayBuilder days = Json.createArrayBuilder();
            for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
                String date = day.toString();
                JsonArrayBuilder those = Json.createArrayBuilder();
                activities.stream().filter(a -> a.getString("date").equals(date)).forEach(those::add);
                days.add(Json.createObjectBuilder().add("date", date).add("weekday", day.getDayOfWeek().getValue()).add("activities", those));
            }
            LocalDate today = LocalDate.ofInstant(request.now(), zone());
            return (Json.createObjectBuilder()
                    .add("week", range.label())
                    .add("from", range.from().toString())
                    .add("to", range.to().toString())
                    .add("previous", Week.starting(range.from().minusDays(7)).from().toString())
                    .add("next", Week.starting(range.from().plusDays(7)).from().toString())
                    .add("today", today.toString())
                    .add("timeZone", zone().getId())
                    .add("days", days)
                    .build());
        });
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(request.community().timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
