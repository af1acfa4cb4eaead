/**
 * Simple-past forms of common English irregular verbs, for telling a past-tense clause without a
 * parser. Forms that are also the present ("put", "set", "cut", "read") are left out: they say nothing.
 */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set(
  ('arose awoke was were bore beat became began bent bound bit bled blew broke bred brought built burnt burst bought caught chose '
    + 'clung came crept dealt dug did drew dreamt drank drove dwelt ate fell fed felt fought found fled flung flew forbade forgot '
    + 'forgave froze got gave went ground grew hung had heard hid held kept knelt knew laid led leant leapt learnt left lent lay lit '
    + 'lost made meant met mistook overcame overtook paid pled proved rode rang rose ran said saw sought sold sent sewed shook shone '
    + 'shot showed shrank sang sank sat slept slid slung smelt spoke sped spent spun spat split spoilt sprang stood stole stuck stung '
    + 'stank strode struck strove swore swept swam swung took taught tore told thought threw thrust trod understood undertook underwent '
    + 'upheld upset woke wore wove wept won wound withdrew withheld withstood wrung wrote').split(' '),
);
