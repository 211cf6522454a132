// Every string the UI shows by itself (not data from the API), in one table.
// tr(S::X) returns the entry for the current language (zh for now; en is filled later).
// Entries ending in "Fmt" are printf formats.
#pragma once

namespace zygc::ui {

enum class S : int {
    // Shell
    AppTitle, TabHome, TabProjects, Back, TitleProjects, TitleProject, TitleBrand, TitleNotFound,
    // Home
    SectionCity, StatVolunteers, StatShare, StatTeams, StatProjects, StatHours,
    SectionBrands, SectionUpcoming, SeeAllProjects, NoUpcoming,
    // Projects
    SearchLabel, SearchHint, ClearSearch, AllDistricts, AllCategories, AllBrands,
    TotalProjectsFmt, LoadMore, Empty,
    // Project detail
    FieldTeam, FieldDistrict, FieldSite, FieldCategory, SectionAbout, SectionShifts,
    PlacesLeftFmt, Full, NoShifts,
    // Brand
    FieldOwner, SectionStory, SectionHighlights, SectionAwards, SectionBrandStats,
    SectionBrandProjects, NoProjects,
    // States
    Loading, Updating, Retry,
    ErrNetwork, ErrNetworkHint, ErrNotFound, ErrServer, ErrBadPayload, ErrUnauthorized,
    ErrForbidden, ErrTooMany, ErrHttpFmt,
    NotFound, GoHome,
    COUNT
};

enum class Lang { Zh, En };

const char* tr(S s);
void set_lang(Lang lang);  // en falls back to zh where an entry is missing

// Iteration for static_text(): the zh and en text of entry i (en may be "").
const char* tr_zh(int i);
const char* tr_en(int i);

}  // namespace zygc::ui
