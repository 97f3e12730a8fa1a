// People and orgs the browser tests find already in the database (seeded by global-setup.ts).
export const fixtures = {
  otherOwner: {
    email: "other-owner@example.com",
    password: "other-pass-42",
    fullName: "Otto Other",
  },
  otherOrg: { name: "Other Org", slug: "other-org", timezone: "Asia/Tokyo" },
  existingUser: {
    email: "existing@example.com",
    password: "existing-pass-42",
    fullName: "Erin Existing",
  },
};
