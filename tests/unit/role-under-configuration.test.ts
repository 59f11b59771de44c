// What ADMINS and STAFF make of a stored role: raised, lowered to what they still give, or given back
// when they no longer name the person; a role given in the chat is never taken by the configuration.
import { describe, expect, it } from "vitest";
import { roleUnderConfiguration } from "../../prisma/people.ts";

describe("a role under the configuration", () => {
  it("is raised, remembering the role before", () => {
    expect(roleUnderConfiguration({ role: "expert", roleBeforeConfig: null }, "staff")).toEqual({
      role: "staff",
      roleBeforeConfig: "expert",
    });
    expect(roleUnderConfiguration({ role: "staff", roleBeforeConfig: "team_leader" }, "admin")).toEqual({
      role: "admin",
      roleBeforeConfig: "team_leader",
    });
  });

  it("is given back when the configuration drops the person, and lowered when it gives less", () => {
    expect(roleUnderConfiguration({ role: "admin", roleBeforeConfig: "enterprise" }, null)).toEqual({
      role: "enterprise",
      roleBeforeConfig: null,
    });
    expect(roleUnderConfiguration({ role: "admin", roleBeforeConfig: "expert" }, "staff")).toEqual({
      role: "staff",
      roleBeforeConfig: "expert",
    });
    // Staff in the configuration, team leader before: the configuration still gives more.
    expect(roleUnderConfiguration({ role: "admin", roleBeforeConfig: "team_leader" }, "staff")).toEqual({
      role: "staff",
      roleBeforeConfig: "team_leader",
    });
  });

  it("leaves alone a role the configuration still gives, and one given in the chat", () => {
    expect(roleUnderConfiguration({ role: "staff", roleBeforeConfig: "enterprise" }, "staff")).toBeNull();
    expect(roleUnderConfiguration({ role: "admin", roleBeforeConfig: null }, null)).toBeNull();
    expect(roleUnderConfiguration({ role: "admin", roleBeforeConfig: null }, "staff")).toBeNull();
    expect(roleUnderConfiguration({ role: "enterprise", roleBeforeConfig: null }, null)).toBeNull();
  });
});
