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
  teamOwner: { email: "team-owner@example.com", password: "team-owner-42", fullName: "Tess Owner" },
  teamAdmin: { email: "team-admin@example.com", password: "team-admin-42", fullName: "Adam Admin" },
  teamViewer: {
    email: "team-viewer@example.com",
    password: "team-viewer-42",
    fullName: "Vic Viewer",
  },
  teamOrg: { name: "Team Org", slug: "team-org", timezone: "Europe/Madrid" },
  joiner: { email: "joiner@example.com", password: "joiner-pass-42", fullName: "Jo Joiner" },
  // The composer and calendar tests: an org whose zone differs from the browser's and the server's.
  studioOwner: {
    email: "studio-owner@example.com",
    password: "studio-owner-42",
    fullName: "Stella Studio",
    headline: "Head of Brand at Studio · Storyteller",
  },
  studioOrg: { name: "Studio", slug: "studio", timezone: "Europe/Berlin" },
  // Publishing: connects accounts and watches a post go out.
  pubOwner: { email: "pub-owner@example.com", password: "pub-owner-42", fullName: "Dana Demo" },
  pubOrg: { name: "Pub House", slug: "pub-house", timezone: "America/New_York" },
  // AI drafts and reviews: an org that requires the member's approval before scheduling.
  voiceCreator: {
    email: "voice-creator@example.com",
    password: "voice-creator-42",
    fullName: "Cora Creator",
  },
  voiceMember: {
    email: "voice-member@example.com",
    password: "voice-member-42",
    fullName: "Milo Member",
  },
  voiceOrg: { name: "Voice Works", slug: "voice-works", timezone: "Europe/London" },
};
