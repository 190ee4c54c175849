import type { Article } from '../../payload-types'
import { citationLink, SOURCE_TYPE_LABEL, isSourceType } from '@/workflow/evidence'

type Citation = NonNullable<Article['references']>[number]

/** The evidence, numbered in the order the article cites it, each as it was signed off. */
export function Citations({ citations }: { citations: Citation[] | null | undefined }) {
  if (!citations || citations.length === 0) return null
  return (
    <section aria-labelledby="references" data-testid="citations">
      <h2 id="references">References</h2>
      <ol className="references">
        {citations.map((citation, index) => {
          const link = citationLink(citation)
          return (
            <li key={citation.id ?? index} id={`ref-${index + 1}`}>
              {citation.authors && <>{citation.authors}. </>}
              {link ? <a href={link}>{citation.title}</a> : citation.title}
              {citation.publisher && <>. {citation.publisher}</>}
              {citation.year && <> ({citation.year})</>}
              {isSourceType(citation.type) && <span className="source-type"> · {SOURCE_TYPE_LABEL[citation.type]}</span>}
              {citation.doi && <> · DOI {citation.doi}</>}
              {citation.pmid && <> · PMID {citation.pmid}</>}
              {citation.section && <span className="cited-for"> · Supports: {citation.section}</span>}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
