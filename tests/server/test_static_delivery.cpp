// first-visit: the built app's delivery: precompressed siblings chosen by Accept-Encoding
// (br > gzip > identity), a year of caching for content-hashed names, revalidation for the rest.
#include "fixture.h"

using namespace zt;

TEST_CASE("static files: precompressed siblings by Accept-Encoding, immutable hashed names", "[server][static]") {
    fs::path root = make_temp_dir("static-delivery");
    fs::create_directories(root / "app");
    const std::string wasm = std::string("\0asm\1\0\0\0", 8) + std::string(3000, 'w');
    const std::string hashed = "zygc.0123456789abcdef.wasm";
    std::ofstream(root / "app" / hashed, std::ios::binary) << wasm;
    // Not real encodings: the test checks which file is sent, byte for byte.
    std::ofstream(root / "app" / (hashed + ".br"), std::ios::binary) << "BROTLI-BYTES";
    std::ofstream(root / "app" / (hashed + ".gz"), std::ios::binary) << "GZIP-BYTES";
    const std::string html = "<!doctype html><link rel=\"icon\" href=\"icon.svg\">"
                             "<link rel=\"preload\" href=\"" + hashed + "\" as=\"fetch\" crossorigin>"
                             "<link rel=\"preload\" href=\"a b.js\" as=\"script\"><title>志愿港城</title>" +
                             std::string(400, ' ');
    std::ofstream(root / "app" / "index.html") << html;
    std::ofstream(root / "app" / "index.html.br") << "HTML-BR";
    std::ofstream(root / "app" / "zygc.js") << "console.log('zygc');\n";
    {
        TestServer srv("", fixture_now(), (root / "app").string());
        const std::string path = "/" + hashed;

        auto br = srv.request("GET", path, {{"Accept-Encoding", "gzip, deflate, br"}}, false);
        REQUIRE(br.status == 200);
        CHECK(br.header("Content-Encoding") == "br");
        CHECK(br.body == "BROTLI-BYTES");
        CHECK(br.header("Content-Type") == "application/wasm");
        CHECK(br.header("Cache-Control") == "public, max-age=31536000, immutable");
        CHECK(br.header("Vary") == "Accept-Encoding");

        auto gz = srv.request("GET", path, {{"Accept-Encoding", "gzip, br;q=0"}}, false);
        CHECK(gz.header("Content-Encoding") == "gzip");
        CHECK(gz.body == "GZIP-BYTES");
        CHECK(gz.header("ETag") != br.header("ETag"));  // one tag per representation

        auto id = srv.request("GET", path, {{"Accept-Encoding", "identity"}}, false);
        CHECK(id.header("Content-Encoding").empty());
        CHECK(id.body == wasm);

        // Each representation revalidates with its own tag.
        CHECK(srv.request("GET", path, {{"Accept-Encoding", "br"}, {"If-None-Match", br.header("ETag")}}, false)
                  .status == 304);
        CHECK(srv.request("GET", path, {{"Accept-Encoding", "identity"}, {"If-None-Match", br.header("ETag")}},
                          false)
                  .status == 200);

        // The page and other plain names: revalidated every time; br sibling used, gzip made on the fly.
        auto page = srv.request("GET", "/", {{"Accept-Encoding", "br"}}, false);
        CHECK(page.header("Cache-Control") == "no-cache");
        CHECK(page.header("Content-Encoding") == "br");
        CHECK(page.body == "HTML-BR");
        auto page_gz = srv.request("GET", "/", {{"Accept-Encoding", "gzip"}}, false);
        CHECK(page_gz.header("Content-Encoding") == "gzip");
        CHECK(srv.get("/zygc.js").header("Cache-Control") == "no-cache");
        // The page's preloads as a Link header (not the icon; not a name a header can't carry),
        // so the wasm starts before the page is parsed; other files have none.
        CHECK(page.header("Link") == "<" + hashed + ">; rel=preload; as=fetch; crossorigin");
        CHECK(page_gz.header("Link") == page.header("Link"));
        CHECK(srv.get("/zygc.js").header("Link").empty());
        CHECK(br.header("Link").empty());
        // A name that only looks hashed (not 16 lowercase hex) is not cached for a year.
        std::ofstream(root / "app" / "a.0123456789ABCDEF.js") << "x";
        CHECK(srv.get("/a.0123456789ABCDEF.js").header("Cache-Control") == "no-cache");
    }
    fs::remove_all(root);
}
