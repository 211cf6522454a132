// 项目: search, filters (district, category, brand, 含已结束), the list with paging.
#include <cstdio>
#include <cstring>

#include "core/utf8.h"
#include "imgui.h"
#include "ui/context_internal.h"
#include "ui/empty_state.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/text_input.h"
#include "ui/virtual_list.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// The field's text, kept in the context, is the truth while it is being edited; otherwise it
// follows state.query.q (which can change by navigation).
void search_box(const State& state) {
    Context& ctx = context();
    const bool was_active = ctx.search_active && ctx.search_frame == ImGui::GetFrameCount() - 1;
    if (!was_active && state.query.q != ctx.search) utf8::copy(ctx.search, sizeof ctx.search, state.query.q);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, px(size::Touch * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(16), (px(size::Touch) - ImGui::GetFontSize()) * 0.5f));
    // search typing: a clear (×) button next to the box while it holds text.
    const bool clearable = ctx.search[0] != 0;
    const float clear_w = px(size::Touch);
    ImGui::SetNextItemWidth(clearable ? -clear_w : -FLT_MIN);
    const bool edited = ImGui::InputTextWithHint("##search", tr(S::SearchHint), ctx.search, sizeof ctx.search);
    ImGui::PopStyleVar(2);
    ctx.search_active = ImGui::IsItemActive();
    ctx.search_frame = ImGui::GetFrameCount();
    // An unfinished IME composition (pinyin "xiao" before 小 is chosen) is not searched for:
    // only the committed text is, also when committing changed nothing in the field (Chrome's
    // last compositionupdate already holds the chosen text).
    const ImGuiID id = ImGui::GetItemID();
    const bool composing = text_input::composing_in(id);
    const bool committed = text_input::composition_ended_in(id);
    sem_last(sem::Role::Input, tr(S::SearchLabel), sem::input_flags(sem::InputKind::Search));
    if ((edited || committed) && !composing) emit(SetSearch{ctx.search});
    if (clearable) {
        ImGui::SameLine(0, 0);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const bool pressed = ImGui::InvisibleButton("##clear_search", ImVec2(clear_w, clear_w));
        sem_last(sem::Role::Button, tr(S::ClearSearch));
        const float r = px(7);
        const ImVec2 c(p.x + clear_w * 0.5f, p.y + clear_w * 0.5f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddCircleFilled(c, px(11), color::Border);
        dl->AddLine(ImVec2(c.x - r * 0.5f, c.y - r * 0.5f), ImVec2(c.x + r * 0.5f, c.y + r * 0.5f), color::Text, px(1.8f));
        dl->AddLine(ImVec2(c.x - r * 0.5f, c.y + r * 0.5f), ImVec2(c.x + r * 0.5f, c.y - r * 0.5f), color::Text, px(1.8f));
        if (is_tap(pressed)) {
            ctx.search[0] = 0;
            emit(SetSearch{""});
        }
    }
}

void list_filters(const State& state) {
    const ProjectQuery& q = state.query;
    char label[160];

    // District
    const char* district = tr(S::AllDistricts);
    for (const District& d : state.districts.data())
        if (d.id == q.district_id) district = d.name.c_str();
    std::snprintf(label, sizeof label, "%s###district", district);
    if (choice(label, "##districts", q.district_id != 0, true)) {
        if (option(tr(S::AllDistricts), q.district_id == 0)) emit(SetFilter{0, q.category, q.brand});
        for (const District& d : state.districts.data()) {
            push_id(d.id);
            if (option(d.name.c_str(), d.id == q.district_id)) emit(SetFilter{d.id, q.category, q.brand});
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }

    // Category
    const char* category = tr(S::AllCategories);
    if (const Category* c = find_category(q.category)) category = category_label(*c);
    std::snprintf(label, sizeof label, "%s###category", category);
    if (choice(label, "##categories", !q.category.empty(), false)) {
        if (option(tr(S::AllCategories), q.category.empty())) emit(SetFilter{q.district_id, "", q.brand});
        for (const Category& c : categories())
            if (option(category_label(c), q.category == c.code)) emit(SetFilter{q.district_id, c.code, q.brand});
        ImGui::EndPopup();
    }

    // Brand
    const char* brand = tr(S::AllBrands);
    for (const Brand& b : state.brands.data())
        if (b.slug == q.brand) brand = b.name.c_str();
    std::snprintf(label, sizeof label, "%s###brand", brand);
    if (choice(label, "##brands", !q.brand.empty(), false)) {
        if (option(tr(S::AllBrands), q.brand.empty())) emit(SetFilter{q.district_id, q.category, ""});
        for (const Brand& b : state.brands.data()) {
            ImGui::PushID(b.slug.c_str());
            if (option(b.name.c_str(), b.slug == q.brand)) emit(SetFilter{q.district_id, q.category, b.slug});
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
}

// The list's count and, at the row's end, the 含已结束 chip: projects that have ended (or were
// closed) are left out unless asked for. On the count's row, not after the filters: there it
// took a row of its own on a phone. The chip stays while the list loads, fails or is empty.
void count_row(const State& state) {
    const Remote<Page<Project>>& r = state.projects;
    const bool ended = state.query.status.empty();
    const char* label = tr(S::IncludeEnded);
    const float chip_w = chip_width(label), row_h = px(size::Touch);
    const ImVec2 start = ImGui::GetCursorPos();
    const float chip_x = ImMax(start.x, start.x + ImGui::GetContentRegionAvail().x - chip_w);
    float text_bottom = start.y;
    if (!r.failed() && !r.data().items.empty()) {
        char total[96];
        std::snprintf(total, sizeof total, tr(S::TotalProjectsFmt), static_cast<long long>(r.data().total));
        ImGui::SetCursorPosY(start.y + ImMax(0.0f, (row_h - ImGui::GetTextLineHeight()) * 0.5f));
        ImGui::PushTextWrapPos(chip_x - ImGui::GetStyle().ItemSpacing.x);
        text_muted(total);
        ImGui::PopTextWrapPos();
        text_bottom = ImGui::GetCursorPosY();
    }
    ImGui::SetCursorPos(ImVec2(chip_x, start.y));
    if (chip(label, ended)) emit(ShowEnded{!ended});
    if (ImGui::GetCursorPosY() < text_bottom) ImGui::SetCursorPosY(text_bottom);
}

// errors and empties (issue 10): a search or filters that find nothing say so, with the
// search in the sentence and a way forward (clear them all). True when drawn.
bool no_results(const State& state) {
    const ProjectQuery& q = state.query;
    const bool narrowed = !q.q.empty() || q.district_id || !q.category.empty() || !q.brand.empty();
    if (!state.projects.loaded() || !state.projects.data().items.empty()) return false;
    if (!narrowed) {
        if (q.status.empty()) return false;  // no project at all: the plain empty state
        if (state_view(Picture::Search, tr(S::NoOpenProjects), tr(S::NoOpenProjectsHint), tr(S::ShowEndedProjects)))
            emit(ShowEnded{true});
        return true;
    }
    char line[400];
    if (!q.q.empty()) std::snprintf(line, sizeof line, tr(S::NoResultsForFmt), q.q.c_str());
    else std::snprintf(line, sizeof line, "%s", tr(S::NoResultsFiltered));
    if (state_view(Picture::Search, line, tr(S::NoResultsHint), tr(S::ClearSearchAndFilters))) {
        emit(SetSearch{""});
        emit(SetFilter{0, "", ""});
    }
    return true;
}

void list(const State& state) {
    const Remote<Page<Project>>& r = state.projects;
    if (r.failed()) {  // errors and empties (issue 10): a picture and 重试
        if (error_state(r.error())) emit(Retry{Target::Projects});
        return;
    }
    if (placeholder(r, Target::Projects, r.loaded() || !r.data().items.empty(), 4)) return;
    const Page<Project>& page = r.data();
    if (page.items.empty()) {
        empty_state(tr(S::Empty));
        return;
    }
    // Only the cards on and near the screen are laid out (issue 11: 58,000 projects).
    RowRange rows = begin_rows("##projects", page.items.size());
    for (size_t i; next_row(rows, i);)
        if (project_card(page.items[i])) emit(Navigate{route_project(page.items[i].id)});

    if (load_more(state.more, Target::MoreProjects, page.next_cursor && !r.loading())) emit(LoadMore{});
}

}  // namespace

void screen_projects(const State& state) {
    search_box(state);
    list_filters(state);
    count_row(state);
    if (no_results(state)) return;  // errors and empties
    list(state);
}

}  // namespace zygc::ui
