// The matching index's profile loading lives with the other SQL in prisma/expert-profiles.ts.
export { defaultPageSize, expertProfilePages, loadExpertProfiles } from "../../prisma/expert-profiles.ts";
