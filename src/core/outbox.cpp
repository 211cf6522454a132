#include "core/outbox.h"

#include <nlohmann/json.hpp>

#include "core/json_guard.h"

namespace zygc::outbox {
namespace {

using json = nlohmann::json;

uint64_t splitmix(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

json event_json(const OutboxEvent& e) {
    json j = {{"seq", e.seq},           {"key", e.key},
              {"kind", e.kind},         {"shift_id", e.shift_id},
              {"method", e.method},     {"code", e.code},
              {"client_time", e.client_time}, {"attendance_id", e.attendance_id},
              {"after", e.after},       {"project_title", e.project_title},
              {"attempts", e.attempts}, {"next_at_ms", e.next_at_ms}};
    if (e.lat) j["lat"] = *e.lat;
    if (e.lng) j["lng"] = *e.lng;
    return j;
}

template <class T>
bool read(const json& j, const char* name, T& out) {
    auto it = j.find(name);
    if (it == j.end()) return false;
    if constexpr (std::is_same_v<T, std::string>) {
        if (!it->is_string()) return false;
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!it->is_number()) return false;
    } else {
        if (!it->is_number_integer()) return false;
    }
    out = it->get<T>();
    return true;
}

}  // namespace

uint64_t add(Outbox& box, OutboxEvent e) {
    e.seq = box.next_seq++;
    box.events.push_back(std::move(e));
    return box.events.back().seq;
}

const OutboxEvent* due(const Outbox& box, int64_t now_ms) {
    if (box.in_flight || box.events.empty()) return nullptr;
    const OutboxEvent& head = box.events.front();
    return head.next_at_ms <= now_ms ? &head : nullptr;
}

HttpRequest request(const OutboxEvent& e) {
    json body;
    HttpRequest r;
    r.method = "POST";
    if (e.kind == "check_in") {
        r.path = "/attendance/check-in";
        body = {{"shift_id", e.shift_id}, {"method", e.method}, {"client_time", e.client_time}};
        if (!e.code.empty()) body["code"] = e.code;
    } else {
        r.path = "/attendance/check-out";
        body = {{"attendance_id", e.attendance_id}, {"client_time", e.client_time}};
    }
    if (e.lat) body["lat"] = *e.lat;
    if (e.lng) body["lng"] = *e.lng;
    r.headers = {{"Accept", "application/json"},
                 {"X-Requested-With", "zygc"},
                 {"Content-Type", "application/json"},
                 {"Idempotency-Key", e.key}};
    r.body = body.dump();
    return r;
}

Verdict classify(int status, std::string_view code) {
    if (status >= 200 && status < 300) return Verdict::Done;
    if (status == 0 || status >= 500) return Verdict::Retry;
    // Not logged in (the session will come back), timeouts, limits: not the event's fault.
    if (status == 401 || status == 408 || status == 425 || status == 429) return Verdict::Retry;
    // The same key still running on the server: ask again later for its answer.
    if (status == 409 && (code.empty() || code.find("in_progress") != std::string_view::npos)) return Verdict::Retry;
    return Verdict::Dropped;
}

int64_t backoff_ms(Outbox& box, int attempts) {
    int64_t d = kOutboxBaseMs;
    for (int i = 1; i < attempts && d < kOutboxCapMs; ++i) d *= 2;
    if (d > kOutboxCapMs) d = kOutboxCapMs;
    const uint64_t r = splitmix(box.rng);
    return d / 2 + static_cast<int64_t>(r % static_cast<uint64_t>(d / 2 + 1));
}

Answer answer(Outbox& box, int status, std::string_view code, Id attendance_id, int64_t now_ms) {
    Answer a;
    box.in_flight = 0;
    if (box.events.empty()) return a;
    OutboxEvent& head = box.events.front();
    a.verdict = classify(status, code);
    if (a.verdict == Verdict::Retry) {
        ++head.attempts;
        a.delay_ms = static_cast<int>(backoff_ms(box, head.attempts));
        head.next_at_ms = now_ms + a.delay_ms;
        a.event = head;
        return a;
    }
    a.event = head;
    box.events.erase(box.events.begin());
    if (a.event.kind != "check_in") return a;
    for (auto it = box.events.begin(); it != box.events.end();) {
        if (it->after != a.event.key) {
            ++it;
            continue;
        }
        if (a.verdict == Verdict::Done && attendance_id) {
            it->attendance_id = attendance_id;
            it->after.clear();
            ++it;
        } else {
            a.also_dropped.push_back(*it);
            it = box.events.erase(it);
        }
    }
    return a;
}

std::string to_json(const Outbox& box) {
    json events = json::array();
    for (const OutboxEvent& e : box.events) events.push_back(event_json(e));
    return json{{"v", 1}, {"next_seq", box.next_seq}, {"rng", box.rng}, {"events", events}}.dump();
}

std::optional<Outbox> from_json(std::string_view text) {
    if (json_guard(text, {16, 1024 * 1024}) != JsonGuard::Ok) return std::nullopt;
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    Outbox box;
    auto events = j.find("events");
    if (!read(j, "next_seq", box.next_seq) || !read(j, "rng", box.rng) || events == j.end() || !events->is_array())
        return std::nullopt;
    for (const json& ej : *events) {
        if (!ej.is_object()) return std::nullopt;
        OutboxEvent e;
        bool ok = read(ej, "seq", e.seq) && read(ej, "key", e.key) && read(ej, "kind", e.kind) &&
                  read(ej, "shift_id", e.shift_id) && read(ej, "method", e.method) && read(ej, "code", e.code) &&
                  read(ej, "client_time", e.client_time) && read(ej, "attendance_id", e.attendance_id) &&
                  read(ej, "after", e.after) && read(ej, "project_title", e.project_title) &&
                  read(ej, "attempts", e.attempts) && read(ej, "next_at_ms", e.next_at_ms);
        if (!ok || e.key.empty() || (e.kind != "check_in" && e.kind != "check_out")) return std::nullopt;
        double v = 0;
        if (read(ej, "lat", v)) e.lat = v;
        if (read(ej, "lng", v)) e.lng = v;
        // A restored event goes out at once (the clock of the page that stored it is gone).
        e.next_at_ms = 0;
        box.events.push_back(std::move(e));
    }
    return box;
}

}  // namespace zygc::outbox
