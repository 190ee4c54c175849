// Limits on what one GraphQL request may ask of the database. They run as validation rules,
// so a request over a limit is refused (HTTP 400, `{ errors: [{ message }] }`) before any
// resolver touches the pool.
//
// Cost estimate:
// - every selected field costs 1;
// - a field that takes a `limit` argument is a page of N items: N is its `limit`; when absent,
//   Payload's default of 10 for a root list query (one whose type has `docs`), otherwise
//   `maxListLimit` (a join field without a limit returns every row); a variable that cannot
//   be resolved also counts as `maxListLimit`;
// - the page's N multiplies the cost of what is selected under its `docs`, so `totalDocs`
//   and the other page fields cost 1; a page type without `docs` multiplies its whole selection.
// So `Articles(limit: 100) { docs { title } }` costs 1 + (1 + 100 × 1) = 102.
//
// Introspection (`__schema`, `__type`) reads the in-memory schema, not the database: its
// subtrees count towards aliases and selections but not towards depth or cost, which lets the
// standard introspection query (about 220 fields, 14 levels deep) through with the defaults.
//
// Totals are summed over every operation in the document, fragments expanded where spread.
import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  valueFromASTUntyped,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import { pageNumberProblem } from '../http/list-limits'

export interface RequestLimits {
  /** Aliased fields in the document, fragments expanded. */
  maxAliases: number
  /** Field selections in the document, fragments expanded. */
  maxSelections: number
  /** Nesting of fields outside introspection; `{ Articles { docs { title } } }` is 3. */
  maxDepth: number
  /** Largest `limit` argument accepted on any field. */
  maxListLimit: number
  /** The page size Payload uses for a root list query without `limit`. */
  defaultListLimit: number
  /** Largest estimated cost (see the rule at the top of this file). */
  maxCost: number
  /**
   * Items assumed for a list field that takes no `limit` (a has-many relationship such as an
   * article's tips): each is a document Payload loads.
   */
  relationListSize: number
}

export const DEFAULT_LIMITS: Readonly<RequestLimits> = Object.freeze({
  maxAliases: 20,
  maxSelections: 300,
  maxDepth: 8,
  maxListLimit: 100,
  defaultListLimit: 10,
  maxCost: 1000,
  relationListSize: 20,
})

type Variables = Readonly<Record<string, unknown>>

export function requestCostRules(
  args: { readonly variableValues?: Variables | null },
  limits: Readonly<RequestLimits> = DEFAULT_LIMITS,
): ValidationRule[] {
  const variables = args.variableValues ?? {}
  const rule: ValidationRule = (context) => ({
    Document(document) {
      for (const error of checkDocument(context, document, variables, limits)) context.reportError(error)
    },
  })
  return [rule]
}

type Refusal = 'aliases' | 'selections' | 'depth' | 'cost' | 'listLimit' | 'pagination' | 'page'

interface Walk {
  readonly context: ValidationContext
  readonly limits: Readonly<RequestLimits>
  readonly variables: Variables
  operation: OperationDefinitionNode
  /** Fragments being expanded on the current path, so a cycle is not followed. */
  readonly expanding: Set<string>
  aliases: number
  selections: number
  depth: number
  /** Set once so many fields were visited that counting further is pointless work. */
  stopped: boolean
  readonly refusals: Map<Refusal, GraphQLError>
}

/** Where a selection set sits: its type, its depth and how many items a `docs` under it stands for. */
interface Place {
  readonly type: GraphQLNamedType | undefined
  readonly depth: number
  readonly docsCount: number
  readonly introspection: boolean
}

// Visiting stops at ten times the selection limit: enough to report the real count for any
// plausible request, and a bound on the work a fragment that spreads others many times can cause.
const VISIT_FACTOR = 10

function checkDocument(
  context: ValidationContext,
  document: DocumentNode,
  variables: Variables,
  limits: Readonly<RequestLimits>,
): GraphQLError[] {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )
  const first = operations[0]
  if (!first) return []
  const walk: Walk = {
    context,
    limits,
    variables,
    operation: first,
    expanding: new Set(),
    aliases: 0,
    selections: 0,
    depth: 0,
    stopped: false,
    refusals: new Map(),
  }
  let cost = 0
  for (const operation of operations) {
    walk.operation = operation
    const type = rootType(context, operation) ?? undefined
    cost += selectionSetCost(walk, operation.selectionSet, { type, depth: 1, docsCount: 1, introspection: false })
  }
  refuseTotals(walk, cost, first)
  return [...walk.refusals.values()]
}

function rootType(context: ValidationContext, operation: OperationDefinitionNode) {
  const schema = context.getSchema()
  if (operation.operation === 'mutation') return schema.getMutationType()
  if (operation.operation === 'subscription') return schema.getSubscriptionType()
  return schema.getQueryType()
}

function selectionSetCost(walk: Walk, set: SelectionSetNode, place: Place): number {
  let cost = 0
  for (const selection of set.selections) {
    if (walk.stopped) break
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(walk, selection, place)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? namedType(walk, selection.typeCondition.name.value) : place.type
      cost += selectionSetCost(walk, selection.selectionSet, { ...place, type })
    } else {
      cost += fragmentCost(walk, selection.name.value, place)
    }
  }
  return cost
}

function fragmentCost(walk: Walk, name: string, place: Place): number {
  const fragment = walk.context.getFragment(name)
  // Unknown fragments and cycles are reported by graphql's own rules; here they just end the walk.
  if (!fragment || walk.expanding.has(name)) return 0
  walk.expanding.add(name)
  try {
    const type = namedType(walk, fragment.typeCondition.name.value)
    return selectionSetCost(walk, fragment.selectionSet, { ...place, type })
  } finally {
    walk.expanding.delete(name)
  }
}

function fieldCost(walk: Walk, field: FieldNode, place: Place): number {
  countField(walk, field, place)
  if (walk.stopped) return 0
  const name = field.name.value
  const definition = fieldDefinition(walk, place.type, name)
  const type = definition ? unwrap(definition.type) : undefined
  const introspection = place.introspection || name === '__schema' || name === '__type'
  const pageSize = introspection ? undefined : listPageSize(walk, field, definition, place.type, type)
  if (!field.selectionSet) return introspection ? 0 : (pageSize ?? 1)

  const pageOfDocs = pageSize !== undefined && hasDocs(type)
  const docsCount = pageOfDocs ? pageSize : 1
  const below = selectionSetCost(walk, field.selectionSet, { type, depth: place.depth + 1, docsCount, introspection })
  if (introspection) return 0
  const perItem = pageSize !== undefined && !pageOfDocs ? pageSize : 1
  const items = name === 'docs' ? place.docsCount : 1
  const relationItems =
    pageSize === undefined && name !== 'docs' && definition && isListOutput(definition.type) ? walk.limits.relationListSize : 1
  return 1 + items * perItem * relationItems * below
}

function countField(walk: Walk, field: FieldNode, place: Place): void {
  walk.selections += 1
  if (field.alias) walk.aliases += 1
  if (!place.introspection && field.name.value !== '__schema' && field.name.value !== '__type') {
    walk.depth = Math.max(walk.depth, place.depth)
  }
  if (walk.selections > walk.limits.maxSelections * VISIT_FACTOR) walk.stopped = true
}

function namedType(walk: Walk, name: string): GraphQLNamedType | undefined {
  return walk.context.getSchema().getType(name) ?? undefined
}

function fieldDefinition(walk: Walk, parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  const schema = walk.context.getSchema()
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef
  }
  return hasFields(parent) ? parent.getFields()[name] : undefined
}

// Structural checks rather than graphql's isObjectType/getNamedType: those use instanceof, which
// fails (and throws outside production) when the schema was built by another copy of graphql,
// as happens under Vitest, where app code gets graphql's ESM build and Payload its CommonJS one.
function hasFields(type: GraphQLNamedType | undefined): type is Extract<GraphQLNamedType, { getInterfaces: unknown }> {
  return type !== undefined && 'getInterfaces' in type
}

/** Whether the field returns a list (`[Tip]`, `[Tip!]!`), read from its printed type. */
function isListOutput(type: GraphQLOutputType): boolean {
  return String(type).replace(/!$/, '').startsWith('[')
}

function unwrap(type: GraphQLOutputType): GraphQLNamedType {
  let current = type
  while ('ofType' in current) current = current.ofType
  return current
}

function hasDocs(type: GraphQLNamedType | undefined): boolean {
  return hasFields(type) && 'docs' in type.getFields()
}

type Argument = { kind: 'absent' } | { kind: 'value'; value: unknown } | { kind: 'unresolved' }

/** The number of items the field may return when it is a page (takes `limit`), refusing unbounded or oversized pages. */
function listPageSize(
  walk: Walk,
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  parent: GraphQLNamedType | undefined,
  type: GraphQLNamedType | undefined,
): number | undefined {
  const { maxListLimit, defaultListLimit } = walk.limits
  const pagination = argument(walk, field, 'pagination')
  if (pagination.kind === 'value' && pagination.value === false) {
    refuse(
      walk,
      'pagination',
      field,
      `${fieldLabel(field)} asks for pagination: false, which returns every row. Use limit (at most ${maxListLimit}) and page instead.`,
    )
  }

  const page = argument(walk, field, 'page')
  if (page.kind === 'value' && page.value !== null) {
    const problem = pageNumberProblem(page.value)
    if (problem) refuse(walk, 'page', field, `${fieldLabel(field)} asks for page: ${JSON.stringify(page.value)}; ${problem}`)
  }

  const limit = argument(walk, field, 'limit')
  const takesLimit = limit.kind !== 'absent' || Boolean(definition?.args.some((arg) => arg.name === 'limit'))
  if (!takesLimit) return undefined
  if (limit.kind === 'unresolved') return maxListLimit
  if (limit.kind === 'absent' || limit.value === null) {
    return parent === walk.context.getSchema().getQueryType() && hasDocs(type) ? defaultListLimit : maxListLimit
  }
  if (typeof limit.value !== 'number' || !Number.isFinite(limit.value)) return maxListLimit
  if (limit.value < 1 || limit.value > maxListLimit) {
    const why = limit.value === 0 ? ' (limit: 0 returns every row)' : ''
    refuse(
      walk,
      'listLimit',
      field,
      `${fieldLabel(field)} asks for limit: ${limit.value}; limit must be from 1 to ${maxListLimit}${why}. Use page to read further.`,
    )
    return Math.max(limit.value, maxListLimit)
  }
  return limit.value
}

function argument(walk: Walk, field: FieldNode, name: string): Argument {
  const node = field.arguments?.find((arg) => arg.name.value === name)
  if (!node) return { kind: 'absent' }
  if (node.value.kind !== Kind.VARIABLE) return { kind: 'value', value: valueFromASTUntyped(node.value) }

  const variable = node.value.name.value
  if (Object.hasOwn(walk.variables, variable)) return { kind: 'value', value: walk.variables[variable] }
  const definition = walk.operation.variableDefinitions?.find((def) => def.variable.name.value === variable)
  if (definition?.defaultValue) return { kind: 'value', value: valueFromASTUntyped(definition.defaultValue) }
  return { kind: 'unresolved' }
}

function fieldLabel(field: FieldNode): string {
  return field.alias ? `${field.alias.value}: ${field.name.value}` : field.name.value
}

function refuse(walk: Walk, refusal: Refusal, node: ASTNode, message: string): void {
  // One error per kind: a 300-alias request should not answer with 300 copies of the same message.
  if (!walk.refusals.has(refusal)) walk.refusals.set(refusal, new GraphQLError(message, { nodes: node }))
}

function refuseTotals(walk: Walk, cost: number, node: OperationDefinitionNode): void {
  const { maxAliases, maxSelections, maxDepth, maxCost } = walk.limits
  const counted = (value: number) => (walk.stopped ? `at least ${value}` : String(value))
  if (walk.aliases > maxAliases) {
    refuse(walk, 'aliases', node, `The request uses ${counted(walk.aliases)} aliased fields; at most ${maxAliases} are allowed.`)
  }
  if (walk.selections > maxSelections) {
    refuse(
      walk,
      'selections',
      node,
      `The request selects ${counted(walk.selections)} fields (fragments expanded); at most ${maxSelections} are allowed.`,
    )
  }
  if (walk.depth > maxDepth) {
    refuse(walk, 'depth', node, `The request nests fields ${walk.depth} levels deep; at most ${maxDepth} levels are allowed.`)
  }
  if (cost > maxCost) {
    const shown = Number.isFinite(cost) && cost < Number.MAX_SAFE_INTEGER ? String(cost) : 'too large to count'
    refuse(
      walk,
      'cost',
      node,
      `The request's estimated cost is ${shown}${walk.stopped ? ' or more' : ''}; at most ${maxCost} is allowed. Ask for fewer or smaller lists, or split the request.`,
    )
  }
}
