// The check-in outbox: every check-in and check-out is an event created once on the phone
// with its own Idempotency-Key, persisted (StoreDurable) before it is sent, sent in order
// with exponential backoff and seeded jitter until the server answers, and only then
// removed. Pure data and functions: the attendance module (attendance.cpp) drives it with
// the clock it got from Tick and performs what it returns.
//
// What an answer does to the head event:
//   2xx                       → done (removed); a check-in's attendance id is handed to the
//                               check-out queued after it
//   4xx that is final          → dropped with the server's problem (shown to the volunteer);
//                               a check-out waiting on a dropped check-in is dropped too
//   network error (0), 5xx,
//   408, 429, 401, 409 still
//   running                    → kept, retried after backoff
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http.h"
#include "core/model.h"

namespace zygc {

struct OutboxEvent {
    uint64_t seq = 0;        // local order, from Outbox::next_seq
    std::string key;         // Idempotency-Key, fixed at creation
    std::string kind;        // "check_in" | "check_out"
    Id shift_id = 0;
    std::string method;      // check-in: "qr" | "code" | "gps"
    std::string code;        // check-in by code or QR
    std::optional<double> lat, lng;
    std::string client_time;  // RFC 3339 +08:00: when the volunteer acted
    Id attendance_id = 0;     // check-out: the record; 0 while its check-in is unsent
    std::string after;        // check-out: key of the check-in event it follows ("" none)
    std::string project_title;  // for the 待同步 line
    int attempts = 0;
    int64_t next_at_ms = 0;  // not sent before (0: at once)
    bool operator==(const OutboxEvent&) const = default;
};

struct Outbox {
    std::vector<OutboxEvent> events;  // in the order they are sent
    uint64_t next_seq = 1;
    uint64_t rng = 0;        // jitter state (splitmix64), seeded from the device key seed
    uint64_t in_flight = 0;  // request id of the head event on its way (0: none)
    bool operator==(const Outbox&) const = default;
};

// Backoff: 1 s × 2^(attempts−1), at most 60 s, then jitter in [½, 1] of that.
constexpr int64_t kOutboxBaseMs = 1000;
constexpr int64_t kOutboxCapMs = 60000;
// The key localStorage keeps the outbox under.
constexpr const char* kOutboxKey = "zygc.outbox";

namespace outbox {

// Appends an event (seq assigned) and returns its seq.
uint64_t add(Outbox& box, OutboxEvent e);
// The event waiting to be sent now: the head, when nothing is in flight and its time has
// come; nullptr otherwise. Later events wait for the head (order).
const OutboxEvent* due(const Outbox& box, int64_t now_ms);
// True while any event waits (then the app wants ticks to drive retries).
inline bool waiting(const Outbox& box) { return !box.events.empty(); }
// The request for an event (its Idempotency-Key, X-Requested-With, JSON body).
HttpRequest request(const OutboxEvent& e);

enum class Verdict { Done, Dropped, Retry };
struct Answer {
    Verdict verdict = Verdict::Retry;
    OutboxEvent event;             // the head event the answer was for
    std::vector<OutboxEvent> also_dropped;  // check-outs that depended on a dropped check-in
    int delay_ms = 0;              // Retry: the backoff chosen
};
// Classifies an HTTP status (+ problem code) as final or to retry.
Verdict classify(int status, std::string_view problem_code);
// Applies the server's answer to the head event (call only while in_flight).
// Done: `attendance_id` is the record's id from the answer (0 when it has none).
Answer answer(Outbox& box, int status, std::string_view problem_code, Id attendance_id, int64_t now_ms);
// The backoff before attempt `attempts`+1, jitter from box.rng (advances it).
int64_t backoff_ms(Outbox& box, int attempts);

// Persisted form (JSON text). Restoring clears in_flight: whatever was on its way is sent
// again with the same key, and the server replays its first answer.
std::string to_json(const Outbox& box);
std::optional<Outbox> from_json(std::string_view json);

}  // namespace outbox
}  // namespace zygc
