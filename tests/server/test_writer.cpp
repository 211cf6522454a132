// The one writer: each request's writes run in one transaction that takes the write lock
// first (on_writer, mutation.h).
// - Another program writing to the database (an operator's sqlite3, a migration tool, the
//   tests' own CLI) holds the write lock for a moment: the server's writes wait for it (busy
//   timeout) and then succeed. A write that began by reading kept that read's snapshot, and
//   once the other program committed, SQLite refused the write at once
//   (SQLITE_BUSY_SNAPSHOT, no waiting): a 500 for a resident asking for a login code.
// - The write-ahead log stays bounded under a stream of writes. A handler that committed while
//   one of its statements was still stepping left the connection in a read transaction, and
//   SQLite skips the automatic checkpoint then: the log grew by every write (157 MB in 8 s of
//   registrations at city scale) and every read had to search it.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "accounts.h"
#include "server/db.h"

using namespace zt;
namespace zs = zygc::server;

// Runs `request` while a second connection holds the write lock with a change not yet
// committed, commits that change 300 ms later, and returns the request's answer.
static Response during_other_write(TestServer& srv, const std::function<Response()>& request) {
    zs::Db other;
    std::string err;
    REQUIRE(other.open((srv.dir() / "test.db").string(), &err));
    REQUIRE(zs::Stmt(other, "CREATE TABLE IF NOT EXISTS other_program(x INTEGER)").exec());
    REQUIRE(zs::Stmt(other, "BEGIN IMMEDIATE").exec());
    REQUIRE(zs::Stmt(other, "INSERT INTO other_program VALUES (1)").exec());
    Response got;
    std::atomic<bool> answered{false};
    std::thread t([&] {
        got = request();
        answered = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    bool early = answered;
    REQUIRE(zs::Stmt(other, "COMMIT").exec());
    t.join();
    CHECK_FALSE(early);  // it waited for the other program's lock
    return got;
}

TEST_CASE("writes wait for another program's write lock, then succeed", "[server][db]") {
    auto srv = dev_server();
    login(*srv, "13600000122");  // the first write of the day prunes old codes (it takes the lock first)
    const std::string phone = "13600000123";

    auto sent = during_other_write(*srv, [&] {
        return srv->send("POST", "/api/v1/auth/sms-code", from(addr_of(phone)), json({{"phone", phone}}).dump());
    });
    INFO(sent.body);
    REQUIRE(sent.status == 200);

    auto in = during_other_write(*srv, [&] {
        return srv->send("POST", "/api/v1/auth/login", from(addr_of(phone)),
                         json({{"phone", phone}, {"code", sent.j["dev_code"]}}).dump());
    });
    INFO(in.body);
    REQUIRE(in.status == 200);
    std::string token = cookie_token(in);

    auto reg = during_other_write(*srv, [&] {
        return srv->send("PUT", "/api/v1/me/volunteer", as(token), application(make_id("130302", "19800101", 7)).dump());
    });
    INFO(reg.body);
    CHECK(reg.status == 200);

    auto out = during_other_write(*srv, [&] { return srv->send("POST", "/api/v1/auth/logout", as(token), ""); });
    CHECK(out.status == 204);
    CHECK(srv->get("/api/v1/me", as(token)).status == 401);
}

TEST_CASE("the write-ahead log stays bounded under a stream of writes", "[server][db]") {
    auto srv = dev_server();
    std::string id = make_id("130302", "19800101", 8);
    std::string token = new_volunteer(*srv, "13600000124", id);
    // The same registration again and again: an update of a few pages each time.
    std::string body = application(id).dump();
    int failed = 0;
    for (int i = 0; i < 3000; ++i)
        if (srv->send("PUT", "/api/v1/me/volunteer", as(token), body).status != 200) ++failed;
    CHECK(failed == 0);
    zs::Db db;
    std::string err;
    REQUIRE(db.open((srv->dir() / "test.db").string(), &err));
    zs::Stmt ps(db, "PRAGMA page_size");
    REQUIRE(ps.step() == zs::Step::Row);
    // SQLite checkpoints at 1,000 pages and starts the log over at the next write.
    auto limit = static_cast<std::uintmax_t>(1200 * (ps.i64(0) + 24));
    auto size = std::filesystem::file_size(srv->dir() / "test.db-wal");
    INFO("log " << size << " bytes, limit " << limit);
    CHECK(size <= limit);
}
