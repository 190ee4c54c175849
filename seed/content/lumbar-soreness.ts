// "Lumbar soreness in early pregnancy", structured from the author's text.
// Body paragraphs are named by their opening words; every paragraph of the
// source lands in exactly one place (checked), so nothing is dropped or reworded.
import type { Article, Tip, Warning } from '../../payload-types'
import { lexicalFromSections, type Section } from '../lexical'
import { asSentence, SeedSourceError, type SourceText } from '../source-text'

export const ARTICLE_SLUG = 'lumbar-soreness-in-early-pregnancy'

type TipSeed = Pick<Tip, 'title' | 'slug' | 'body' | 'category' | 'stage'>
type WarningSeed = Pick<Warning, 'title' | 'slug' | 'severity' | 'symptoms' | 'action'>
type ArticleSeed = Pick<Article, 'title' | 'slug' | 'summary' | 'topic' | 'audience' | 'releaseDate' | 'body' | 'disclaimer'>

export type SeedContent = { article: ArticleSeed; tips: TipSeed[]; warnings: WarningSeed[] }

const SECTIONS: { heading?: string; openings: string[] }[] = [
  {
    openings: ['Pregnancy brings not only joy'],
  },
  {
    heading: 'Why it happens',
    openings: [
      'During the early stages of pregnancy, due to hormonal influences',
      'During the early stages of pregnancy, due to hormonal changes',
      '50-75% of pregnant women',
      'Especially when the uterus grows daily',
    ],
  },
  {
    heading: 'How to relieve it',
    openings: [
      'So how can expectant mothers improve',
      'It is suggested that pregnant mothers should rest more',
      'How to treat lower back pain during early pregnancy?',
      'Second, engage in appropriate outdoor activities',
      'Fourth, during activities',
      "At the same time, it's important to maintain a good mood",
      'At the same time, it is also important to maintain good dietary balance',
    ],
  },
  {
    heading: 'How to prevent it',
    openings: [
      'How to Prevent Lower Back Pain in Early Pregnancy?',
      'Therefore, it is important to take preventive measures',
      'Prevention and alleviation of lower back pain',
      'How can I help pregnant moms',
      '1. Appropriate Pregnancy Exercise',
      'When walking, be mindful',
      'Particularly, it is important to have someone accompany you',
      'When walking, try to walk on flat ground',
      'It is not recommended to engage in activities such as mountain climbing',
      '2. Massage for the Lower Back',
      'The simplest method',
      'Pregnant fathers should remember',
      'Another method is to clench your fists',
      'The head can be tilted',
      '3. It is important to maintain a healthy weight',
      'During pregnancy, especially in the middle stage',
      'If a pregnant woman gains excessive weight',
      '4. Appropriate supplementation of calcium',
      "The fetus's skeletal formation",
      'It is not enough for the pregnant woman',
      'If calcium is not supplemented',
      'After supplementing calcium',
      'Calcium is sufficient',
      'Do not do activities that increase the load on your back',
      'It is best not to maintain one posture',
    ],
  },
  {
    heading: 'When to see a doctor',
    openings: [
      'If the condition is severe',
      'Early in pregnancy, avoid lifting heavy objects',
      'After all, the chances of miscarriage',
      'The difference between lower back pain',
      'Back pain could be caused by an ectopic pregnancy',
      'It is important to pay attention to vaginal irregular bleeding',
      'Vaginal bleeding is caused by',
      'Should you experience severe abdominal pain',
      'If there is only mild abdominal pain',
      'Mothers need not worry too much',
    ],
  },
]

const DISCLAIMER_OPENINGS = ['*The medical content discussed', 'In case of discomfort']

function bodySections(source: SourceText): Section[] {
  const sections = SECTIONS.map(({ heading, openings }) => ({
    heading,
    paragraphs: openings.map((opening) => source.paragraph(opening)),
  }))
  const used = new Set([...sections.flatMap((s) => s.paragraphs), ...DISCLAIMER_OPENINGS.map((opening) => source.paragraph(opening))])
  const left = source.paragraphs.filter((p) => !used.has(p))
  if (left.length > 0) {
    throw new SeedSourceError(`Source paragraphs not placed in the article: ${left.map((p) => `"${p.slice(0, 60)}..."`).join(', ')}`)
  }
  return sections
}

export function lumbarSorenessContent(source: SourceText): SeedContent {
  const q = source.quote
  const tips: TipSeed[] = [
    {
      title: 'Sleep on your side and mind your posture',
      slug: 'sleep-on-your-side-and-mind-your-posture',
      body: q(
        'Ensure correct posture when sleeping and sitting. Frequently change positions while sleeping, preferably on your side, and elevate your legs as much as possible to help relieve the pain.',
      ),
      category: 'posture',
      stage: 'first-trimester',
    },
    {
      title: 'Lean against a backrest when sitting',
      slug: 'lean-against-a-backrest-when-sitting',
      body: q('When sitting, choose a position that allows you to lean against a backrest, which can help reduce pressure on your back.'),
      category: 'posture',
      stage: 'any',
    },
    {
      title: 'Balance moderate activity with rest',
      slug: 'balance-moderate-activity-with-rest',
      body: [
        asSentence(q('engage in appropriate outdoor activities without excessive standing or prolonged walking.')),
        q(
          'When experiencing a sensation of lower back pain during activity, it is advisable to sit down for a moment to rest. You can also reduce the intensity of your activities accordingly.',
        ),
      ].join(' '),
      category: 'rest',
      stage: 'first-trimester',
    },
    {
      title: 'Massage your lower back',
      slug: 'massage-your-lower-back',
      body: q(
        'Place both hands flat on the back and gently push upwards and downwards, focusing only on the muscles you are massaging. This method is very effective, and it can be performed anytime, even while sitting or walking.',
      ),
      category: 'massage',
      stage: 'any',
    },
    {
      title: 'Support your belly with a belt',
      slug: 'support-your-belly-with-a-belt',
      body: asSentence(
        q(
          'during activities, it is appropriate to hold the front or use a belt to support the stomach. This can also reduce the weight on the waist and alleviate back pain.',
        ),
      ),
      category: 'support',
      stage: 'any',
    },
    {
      title: 'Walk after meals, on flat ground',
      slug: 'walk-after-meals-on-flat-ground',
      body: [
        q('Walking After Meals is the Most Suitable Exercise for Pregnant Women.'),
        q('When walking, try to walk on flat ground as much as possible.'),
      ].join(' '),
      category: 'exercise',
      stage: 'throughout',
    },
    {
      title: 'Wear flat shoes',
      slug: 'wear-flat-shoes',
      body: asSentence(q("it's time to reduce wearing high heels and opt for flat shoes when going out.")),
      category: 'footwear',
      stage: 'throughout',
    },
    {
      title: 'Take calcium: 600 mg a day, 1000-1200 mg late in pregnancy',
      slug: 'take-calcium-600-mg-a-day',
      body: asSentence(
        q(
          'doctors often suggest that she should take calcium supplements, 600mg every day, and increase it to 1000-1200mg in the last trimester of pregnancy.',
        ),
      ),
      category: 'nutrition',
      stage: 'throughout',
    },
    {
      title: 'Keep a healthy weight',
      slug: 'keep-a-healthy-weight',
      body: asSentence(
        q(
          'maintain a balanced diet, consume fewer sweets and more fruits and vegetables, eat smaller portions more frequently, and control the weight gain within reasonable limits to promote health in the waist area.',
        ),
      ),
      category: 'weight',
      stage: 'throughout',
    },
    {
      title: 'No heavy lifting or sudden bending',
      slug: 'no-heavy-lifting-or-sudden-bending',
      body: q(
        'Do not do activities that increase the load on your back, such as lifting heavy objects or pushing things, sneezing loudly, or suddenly bending over.',
      ),
      category: 'safety',
      stage: 'throughout',
    },
    {
      title: 'Change position often',
      slug: 'change-position-often',
      body: q(
        'It is best not to maintain one posture for a long time during pregnancy, and to frequently change positions to avoid lumbar muscle tension and exacerbate lumbar muscle strain.',
      ),
      category: 'posture',
      stage: 'throughout',
    },
  ]

  const warnings: WarningSeed[] = [
    {
      title: 'Severe abdominal pain with vaginal bleeding in the first 8 weeks: possible ectopic pregnancy',
      slug: 'severe-abdominal-pain-with-vaginal-bleeding',
      severity: 'emergency',
      symptoms: [
        q('It is important to pay attention to vaginal irregular bleeding within 8 weeks of pregnancy, except for abdominal pain.'),
        q(
          'Should you experience severe abdominal pain, accompanied by vaginal bleeding, it is recommended that you seek medical attention to rule out the possibility of a ectopic pregnancy.',
        ),
      ].join(' '),
      action: q('In case of discomfort, it is recommended to seek medical attention immediately.'),
    },
    {
      title: 'Severe back pain: see a doctor to rule out lumbar disc herniation',
      slug: 'severe-back-pain-lumbar-disc-herniation',
      severity: 'urgent',
      symptoms: q(
        'If the lower back is very painful during early pregnancy, expectant mothers must pay attention and not confuse it with lower back pain.',
      ),
      action: q(
        'If the condition is severe, it should be consulted with a doctor to determine whether there is a possibility of lumbar disc herniation.',
      ),
    },
    {
      title: 'No medicated wine, acupuncture or plasters; no heavy lifting or stair climbing',
      slug: 'no-medicated-wine-acupuncture-plasters-or-heavy-lifting',
      severity: 'caution',
      symptoms: asSentence(
        q('it is not advisable to apply medicated wine, acupuncture, or plasters, as these methods can be harmful to the fetus.'),
      ),
      action: q(
        'Early in pregnancy, avoid lifting heavy objects, climbing stairs, or engaging in any strenuous activities involving a lot of exertion.',
      ),
    },
  ]

  const article: ArticleSeed = {
    title: source.title,
    slug: ARTICLE_SLUG,
    summary: [
      q('Some pregnant women experience lower back and waist pain during the early stages of pregnancy.'),
      q('Generally speaking, lower back and waist pain during pregnancy is mostly due to changes in posture.'),
    ].join(' '),
    topic: 'Pregnancy',
    audience: 'patient',
    releaseDate: source.releaseDate,
    body: lexicalFromSections(bodySections(source)) as unknown as Article['body'],
    disclaimer: [
      q('The medical content discussed in this text is for reference only.'),
      q(
        'In case of discomfort, it is recommended to seek medical attention immediately. Please consult a licensed medical professional for diagnosis and treatment.',
      ),
    ].join(' '),
  }

  return { article, tips, warnings }
}

/** The small edit an editor has waiting for review on a fresh install. */
export const PENDING_REVISION = {
  slug: 'wear-flat-shoes',
  change: { title: 'Wear flat, comfortable shoes' },
}
