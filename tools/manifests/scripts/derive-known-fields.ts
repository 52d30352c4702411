import ts from 'typescript';
import type { FieldNode, KnownFields, ObjectDefinition } from '../src/validate/known-fields.js';

/** Walks the declared types of each kind with the TypeScript checker. */
export function deriveKnownFields(
  kinds: Readonly<Record<string, { typeModule: string; typeName: string }>>,
  fromDirectory: string,
): KnownFields {
  const entries = Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b));
  const source = entries
    .map(
      ([, info], index) =>
        `import type { ${info.typeName} as T${index} } from '${info.typeModule}';\nexport type R${index} = T${index};`,
    )
    .join('\n');
  const fileName = `${fromDirectory}/__known-fields-probe.ts`;
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion) =>
    name === fileName
      ? ts.createSourceFile(name, source, languageVersion)
      : getSourceFile(name, languageVersion);
  const program = ts.createProgram([fileName], options, host);
  const checker = program.getTypeChecker();
  const probe = program.getSourceFile(fileName);
  if (!probe) throw new Error('known-fields: could not load the probe file');
  const moduleSymbol = checker.getSymbolAtLocation(probe);
  if (!moduleSymbol) throw new Error('known-fields: could not resolve kubernetes-models types');
  const exported = checker.getExportsOfModule(moduleSymbol);

  const definitions: Record<string, ObjectDefinition> = {};
  const result: Record<string, string> = {};
  const walker = new TypeWalker(checker, definitions);
  entries.forEach(([key], index) => {
    const symbol = exported.find((s) => s.name === `R${index}`);
    if (!symbol) throw new Error(`known-fields: no type for ${key}`);
    const node = walker.node(checker.getDeclaredTypeOfSymbol(symbol), key);
    if (!('ref' in node)) throw new Error(`known-fields: ${key} is not an object type`);
    result[key] = node.ref;
  });
  return { kinds: result, definitions: sortKeys(definitions) };
}

class TypeWalker {
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly definitions: Record<string, ObjectDefinition>,
  ) {}

  /** `hint` names an anonymous object type by where it appears. */
  node(type: ts.Type, hint: string): FieldNode {
    const checker = this.checker;
    const nonNullable = checker.getNonNullableType(type);
    if (nonNullable.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { type: 'any' };
    if (nonNullable.isUnion()) {
      const objectMember = nonNullable.types.find((t) => t.flags & ts.TypeFlags.Object);
      return objectMember ? this.node(objectMember, hint) : { type: 'scalar' };
    }
    if (
      nonNullable.flags &
      (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike)
    ) {
      return { type: 'scalar' };
    }
    if (checker.isArrayType(nonNullable)) {
      const [element] = checker.getTypeArguments(nonNullable as ts.TypeReference);
      return { type: 'array', items: element ? this.node(element, `${hint}[]`) : { type: 'any' } };
    }
    const properties = checker.getPropertiesOfType(nonNullable);
    const index = checker.getIndexTypeOfType(nonNullable, ts.IndexKind.String);
    if (properties.length === 0)
      return index ? { type: 'map', values: this.node(index, `${hint}{}`) } : { type: 'any' };
    const name = this.definitionName(nonNullable, hint);
    if (!this.definitions[name]) {
      const props: Record<string, FieldNode> = {};
      this.definitions[name] = { properties: props };
      for (const property of properties) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (!declaration) continue;
        props[property.name] = this.node(
          checker.getTypeOfSymbolAtLocation(property, declaration),
          `${name}.${property.name}`,
        );
      }
      this.definitions[name] = { properties: sortKeys(props) };
    }
    return { ref: name };
  }

  /** `kubernetes-models/v1/PodSpec.IPodSpec`: unique across modules and the same on every machine. */
  private definitionName(type: ts.Type, hint: string): string {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol || symbol.name.startsWith('__')) return hint;
    const qualified = this.checker.getFullyQualifiedName(symbol).replace(/"/g, '');
    const packagePath = qualified.lastIndexOf('node_modules/');
    return packagePath >= 0 ? qualified.slice(packagePath + 'node_modules/'.length) : qualified;
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
