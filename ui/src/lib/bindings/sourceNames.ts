// Generated from each source's SourceInfo by a test in crates/sources/src/info.rs. Do not edit.

/** The short name of each source kind. */
export const SOURCE_NAMES: Record<string, string> = {
	greenhouse: "Greenhouse",
	lever: "Lever",
	ashby: "Ashby",
	workable: "Workable",
	smartrecruiters: "SmartRecruiters",
	recruitee: "Recruitee",
	workday: "Workday",
	personio: "Personio",
	teamtailor: "Teamtailor",
	bamboohr: "BambooHR",
	breezy: "Breezy HR",
	pinpoint: "Pinpoint",
	rippling: "Rippling",
	eightfold: "Eightfold",
	comeet: "Comeet",
	gem: "Gem",
	dover: "Dover",
	icims: "iCIMS",
	jobvite: "Jobvite",
	remoteok: "Remote OK",
	remotive: "Remotive",
	arbeitnow: "Arbeitnow",
	himalayas: "Himalayas",
	themuse: "The Muse",
	adzuna: "Adzuna",
	usajobs: "USAJOBS",
	jsearch: "JSearch",
	hackernews: "Hacker News",
	rss: "RSS feed",
	jsonld: "Careers page",
	linkedin: "LinkedIn",
	jobspy: "JobSpy import",
	jobfunnel: "JobFunnel import",
};

/** The words a source's terms ask for where its jobs are shown. */
export const SOURCE_CREDITS: Record<string, string> = {
	remoteok: "Remote OK",
	remotive: "Remotive",
	arbeitnow: "Arbeitnow",
	himalayas: "Himalayas",
	adzuna: "Jobs by Adzuna",
	hackernews: "Hacker News",
	linkedin: "LinkedIn",
};
