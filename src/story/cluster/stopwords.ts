/**
 * English function words plus the vocabulary every news report uses
 * ("said", "told", "week"), which says nothing about what a story is about.
 */
const WORDS = `
a about above after again against ago all almost along already also although always am among an and another any anyone
anything are around as at away back be became because become been before being below between both but by came can
cannot could did do does doing done down during each either else even ever every few for from further get gets getting
go goes going gone got had has have having he her here hers herself him himself his how however i if in including
instead into is it its itself just last least less let like made make makes making many may me might more most much must
my myself near nearly need neither never next no nor not now of off often on once one only onto or other others our ours
ourselves out over own per perhaps put rather really said same say saying says see seen several shall she should since
so some something still such take taken than that the their theirs them themselves then there these they thing things
this those though three through thus to together too took toward towards two under until up upon us use used very via
was way we well were what whatever when where whether which while who whom whose why will with within without would yet
you your yours yourself
mr mrs ms dr told tell tells according added adding asked week weeks month months year years day days today yesterday
tomorrow time times new first second third later earlier early late people percent including news report reports
reported reporting statement statements told comment comments monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december think thought know known want
wanted come came comes called call calls part lot good great high long large small big old right left told story
article page read share shares click photo image video editor copyright reserved rights privacy policy
`;

/** The built-in stopword set (lower case). */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
