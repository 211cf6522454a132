// Points (issue 12, 回馈 · 再奉献): the double-entry ledger and the operations on it.
//
// Ledger: points_accounts (kinds issuance · volunteer · escrow · merchant · fund · expiry) and
// points_postings — every posting is ONE row moving N > 0 points from one account to another,
// so the sum over all accounts is 0 by construction. Postings are append-only (triggers refuse
// UPDATE/DELETE); a trigger moves the cached balances, and a CHECK keeps every balance but
// the issuance account's >= 0 (a posting that would overdraw fails in SQLite itself).
// points_lots tracks what a volunteer's points are made of (for expiry): credits add a lot,
// debits consume lots oldest-expiry first; the lots' remaining points sum to the balance.
//
// Every function here runs inside the caller's transaction (BEGIN IMMEDIATE) on the writer
// and returns false / Outcome::Error on a database failure (cause in `err`).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/db.h"

namespace zygc::server::points {

using Id = int64_t;

struct Rule {
    int64_t version = 1, minutes_per_point = 30, expiry_months = 0, code_life_minutes = 4320, effective_from = 0;
    std::string note;
};
// The rule in force at `at` (the latest version with effective_from <= at).
[[nodiscard]] bool rule_at(Db& db, int64_t at, Rule& out, std::string& err);

// The account of (kind, owner), created when missing. owner 0 for the singletons.
[[nodiscard]] std::optional<Id> account(Db& db, const char* kind, Id owner, std::string& err);
// The same, read only: 0 when the account does not exist yet.
[[nodiscard]] std::optional<Id> find_account(Db& db, const char* kind, Id owner, std::string& err);

struct Cause {
    const char* kind;      // earn reversal redeem settle refund donate expire hold_applied
    const char* ref_kind;  // attendance redemption donation lot hold
    Id ref_id = 0;
    std::optional<int64_t> rule_version;
    Id by = 0;  // 0: the system
    std::string why;
    std::optional<Id> district;
};
// Moves n > 0 points from → to. A debit of a volunteer consumes lots (oldest expiry first;
// `first_expiry` gets the earliest expiry consumed, 0 = never); a credit to a volunteer adds
// a lot expiring at `lot_expires` (0 = never). Returns the posting id (0 on failure).
Id post(Db& db, int64_t now, Id from, Id to, int64_t n, const Cause& c, int64_t lot_expires, std::string& err,
        int64_t* first_expiry = nullptr);
[[nodiscard]] std::optional<int64_t> balance(Db& db, Id account, std::string& err);

// Hours hook: after a record was certified, adjusted, rejected or corrected (in the same
// transaction), brings the points of its correction chain to floor(minutes / rule) of the
// chain's live record — an earn posting for more, a reversal for less. A reversal the balance
// cannot cover is held (points_holds, status held) instead of applied.
[[nodiscard]] bool on_record_certified(Db& db, Id record, Id actor, int64_t now, std::string& err);

// Settles what is due: reserved codes past expires_at are expired (escrow → volunteer, stock
// back, once), lots past their expiry post their remaining points to the expiry account.
[[nodiscard]] bool sweep(Db& db, int64_t now, std::string& err);
// Whether sweep() has anything to settle (nullopt when the database failed, err set): reads
// only, so a reader can ask before handing a read over to the writer.
[[nodiscard]] std::optional<bool> sweep_pending(Db& db, int64_t now, std::string& err);

enum class Outcome { Ok, NotFound, OutOfStock, Insufficient, LimitReached, Used, Expired, Decided, Error };
struct Result {
    Outcome outcome = Outcome::Ok;
    Id id = 0;  // the redemption / donation / hold
    std::vector<std::pair<std::string, std::string>> params;
};
Result redeem(Db& db, int64_t now, Id user, Id reward, int64_t quantity, std::string& err);
// clerk: the settling user (must own the code's merchant, else NotFound); code: 8 digits or
// the qr payload.
Result settle(Db& db, int64_t now, Id clerk, const std::string& code, std::string& err);
Result donate(Db& db, int64_t now, Id user, Id fund, int64_t pts, std::string& err);
Result resolve_hold(Db& db, int64_t now, Id admin, Id hold, bool apply, const std::string& reason, std::string& err);

// Checks of the ledger's invariants (tests, zygc-backup verify): sum over accounts = 0, no
// balance below 0 but issuance, every cached balance = the replay of the postings, every
// volunteer's lots sum to their balance, escrow = the points of reserved codes. "" when all
// hold, else what failed.
std::string check_invariants(Db& db);

// "zygc:pickup:12345678" or "12345678" → the 8 digits ("" when neither).
std::string code_of(const std::string& text);

}  // namespace zygc::server::points
