// The connections' kept statements (db.h): a Stmt of a text seen before reuses the
// connection's prepared statement, with its bindings cleared and its snapshot let go.
// Real SQLite files: a writer connection and a read-only one on the same WAL database.
#include <sqlite3.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"
#include "server/db.h"

using zt::fs::path;
namespace zs = zygc::server;

namespace {

struct TwoConnections {
    path dir = zt::make_temp_dir("db");
    zs::Db writer;
    zs::Db reader;
    TwoConnections() {
        std::string err;
        REQUIRE(writer.open((dir / "t.db").string(), &err));
        REQUIRE(writer.exec_script("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT);"
                                   "INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three');",
                                   &err));
        REQUIRE(reader.open_readonly((dir / "t.db").string(), 1024, &err));
    }
    ~TwoConnections() {
        reader.close();
        writer.close();
        std::error_code ec;
        zt::fs::remove_all(dir, ec);
    }
};

// Statements the connection holds (kept ones, and any Stmt still open).
int statements(zs::Db& db) {
    int n = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(db.raw(), nullptr); s; s = sqlite3_next_stmt(db.raw(), s)) ++n;
    return n;
}

std::string value_of(zs::Db& db, const std::string& sql, int64_t k) {
    zs::Stmt s(db, sql);
    s.bind(1, k);
    return s.step() == zs::Step::Row ? s.text(0) : "(none)";
}

int64_t count_rows(zs::Db& db) {
    zs::Stmt s(db, "SELECT count(*) FROM t");
    REQUIRE(s.step() == zs::Step::Row);
    return s.i64(0);
}

}  // namespace

TEST_CASE("db: a reader keeps one prepared statement per text, bound afresh each time", "[server][db]") {
    TwoConnections c;
    const std::string sql = "SELECT v FROM t WHERE k = ?";
    CHECK(value_of(c.reader, sql, 1) == "one");
    CHECK(value_of(c.reader, sql, 3) == "three");
    CHECK(value_of(c.reader, sql, 2) == "two");
    CHECK(statements(c.reader) == 1);
    {
        zs::Stmt unbound(c.reader, sql);  // the last use's binding is gone: k = NULL
        CHECK(unbound.step() == zs::Step::Done);
    }
    // The writer keeps its own.
    CHECK(value_of(c.writer, sql, 1) == "one");
    CHECK(value_of(c.writer, sql, 2) == "two");
    CHECK(statements(c.writer) == 1);
}

// The writer is one connection that any worker may use: a kept statement is lent to one Stmt
// at a time, the others get statements of their own, and every answer is its own.
TEST_CASE("db: the writer's kept statements, used by four threads at once, answer each its own", "[server][db]") {
    TwoConnections c;
    const std::string sql = "SELECT v FROM t WHERE k = ?";
    const char* names[] = {"one", "two", "three"};
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                int64_t k = 1 + (i + t) % 3;
                if (value_of(c.writer, sql, k) != names[k - 1]) ++wrong;
            }
        });
    for (auto& th : threads) th.join();
    CHECK(wrong == 0);
    CHECK(statements(c.writer) == 1);
    // A schema change and a transaction later, the kept statement still answers.
    std::string err;
    REQUIRE(c.writer.exec_script("ALTER TABLE t ADD COLUMN w TEXT", &err));
    REQUIRE(c.writer.begin());
    REQUIRE(c.writer.exec_script("UPDATE t SET v = 'uno' WHERE k = 1", &err));
    CHECK(value_of(c.writer, sql, 1) == "uno");
    REQUIRE(c.writer.commit());
    CHECK(value_of(c.reader, sql, 1) == "uno");
}

TEST_CASE("db: a Stmt of a text already open on the connection gets its own statement", "[server][db]") {
    TwoConnections c;
    const std::string sql = "SELECT k FROM t ORDER BY k";
    zs::Stmt outer(c.reader, sql);
    std::vector<int64_t> seen;
    while (outer.step() == zs::Step::Row) {
        seen.push_back(outer.i64(0));
        zs::Stmt inner(c.reader, sql);
        int rows = 0;
        while (inner.step() == zs::Step::Row) ++rows;
        CHECK(rows == 3);
    }
    CHECK(seen == std::vector<int64_t>{1, 2, 3});
    CHECK_FALSE(outer.failed());
}

TEST_CASE("db: a kept statement left mid-way does not hold the reader's snapshot", "[server][db]") {
    TwoConnections c;
    CHECK(count_rows(c.reader) == 3);
    {
        zs::Stmt partly(c.reader, "SELECT k FROM t ORDER BY k");
        REQUIRE(partly.step() == zs::Step::Row);  // one row of three, then dropped
    }
    std::string err;
    REQUIRE(c.writer.exec_script("INSERT INTO t VALUES (4, 'four')", &err));
    CHECK(count_rows(c.reader) == 4);
    CHECK(value_of(c.reader, "SELECT v FROM t WHERE k = ?", 4) == "four");
}

TEST_CASE("db: more texts than a reader keeps, and a failing text, still answer right", "[server][db]") {
    TwoConnections c;
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < 100; ++i) {
            std::string sql = "SELECT v FROM t WHERE k = ? AND " + std::to_string(i) + " >= 0";
            CHECK(value_of(c.reader, sql, 1 + i % 3) == (i % 3 == 0 ? "one" : i % 3 == 1 ? "two" : "three"));
        }
    CHECK(statements(c.reader) <= 64);
    for (int i = 0; i < 2; ++i) {
        zs::Stmt bad(c.reader, "SELECT nope FROM t");
        CHECK_FALSE(bad.ok());
        CHECK(bad.error().find("no such column") != std::string::npos);
        CHECK(bad.step() == zs::Step::Error);
    }
    CHECK(value_of(c.reader, "SELECT v FROM t WHERE k = ?", 2) == "two");
}

TEST_CASE("db: transactions nest; an inner rollback undoes only its own writes", "[server][db]") {
    TwoConnections c;
    std::string err;
    REQUIRE(c.writer.begin());
    REQUIRE(c.writer.exec_script("INSERT INTO t VALUES (4, 'four')", &err));
    REQUIRE(c.writer.begin());
    REQUIRE(c.writer.exec_script("INSERT INTO t VALUES (5, 'five')", &err));
    c.writer.rollback();  // the inner one only
    REQUIRE(c.writer.begin());
    REQUIRE(c.writer.exec_script("INSERT INTO t VALUES (6, 'six')", &err));
    REQUIRE(c.writer.commit());
    CHECK(count_rows(c.reader) == 3);  // nothing visible before the outer commit
    REQUIRE(c.writer.commit());
    CHECK(count_rows(c.reader) == 5);  // 4 and 6
    CHECK(value_of(c.reader, "SELECT v FROM t WHERE k = ?", 5) == "(none)");
    CHECK_FALSE(c.writer.commit());  // nothing open
    // The outer rollback undoes everything, the inner commit's writes included.
    REQUIRE(c.writer.begin());
    REQUIRE(c.writer.begin());
    REQUIRE(c.writer.exec_script("INSERT INTO t VALUES (7, 'seven')", &err));
    REQUIRE(c.writer.commit());
    c.writer.rollback();
    CHECK(count_rows(c.reader) == 5);
    REQUIRE(c.writer.begin());  // and a new transaction opens as the outermost again
    REQUIRE(c.writer.commit());
}
