import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { ArticleView } from '@/components/ArticleView'
import { findPublishedArticle } from '@/lib/published-content'

type Props = { params: Promise<{ slug: string }> }

const articleFor = cache(findPublishedArticle)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await articleFor((await params).slug)
  return article ? { title: article.title, description: article.summary } : {}
}

export default async function ArticlePage({ params }: Props) {
  const article = await articleFor((await params).slug)
  if (!article) notFound()
  return <ArticleView article={article} />
}
