#include "emulator/classification_seed.hpp"

namespace crewsync::emulator {
namespace {

struct TemplateSeed {
    const char* name;
    const char* type;  // Procore's response values: global | project_specific | company_tools
    const char* category;
};

// "global" is Procore's word for a project-tools template shared by every project.
constexpr TemplateSeed kTemplates[] = {
    {"Project Manager", "global", "internal"},
    {"Superintendent", "global", "internal"},
    {"Foreman", "global", "internal"},
    {"Field Worker", "global", "internal"},
    {"Subcontractor", "global", "external"},
    {"Company Admin", "company_tools", "internal"},
    {"Company Standard", "company_tools", "internal"},
};

}  // namespace

void SeedPermissionTemplates(Company& company, State& state) {
    if (company.permission_templates.size() > 0) return;
    for (const TemplateSeed& seed : kTemplates) {
        const std::string type = seed.type;
        company.permission_templates.Put(Json{{"id", state.NextId()},
                                              {"name", seed.name},
                                              {"project_specific", type == "project_specific"},
                                              {"type", type},
                                              {"category", seed.category}});
    }
}

}  // namespace crewsync::emulator
