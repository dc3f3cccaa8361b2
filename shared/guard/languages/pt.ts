import type { Language } from './types';

/** Portuguese (Brazil and Portugal, and the Cape Verdean families who write it). */
export const PORTUGUESE: Language = {
  code: 'pt',
  strong: ['senhas?', 'palavra(?:-| )passe', 'c[óo]digo de acesso'],
  copulas: ['[ée]', 's[ãa]o', 'era', 'foi', 'ser[áa]', 'seria', 'ficou', 'continua(?: sendo)?', 'passou a ser'],
  adverbs: ['agora', 'ainda', 'atualmente'],
  auxiliaries: ['foi', 'est[áa]', 'ficou', 'tinha sido'],
  changed: ['alterad[ao]', 'mudad[ao]', 'trocad[ao]', 'redefinid[ao]', 'definid[ao]'],
  changedTo: ['para', 'como', 'em'],
  qualifiers: ['nova', 'novo', 'provis[óo]ria', 'tempor[áa]ria', 'antiga', 'atual', 'inicial'],
  owners: ['de', 'da', 'do', 'para'],
  possessives: ['dela', 'dele', 'deles', 'delas'],
  clauses: ['que'],
  setVerbs: ['mud(?:ei|ou|amos|aram)', 'troc(?:ou|amos|aram)', 'troquei', 'alter(?:ei|ou|amos|aram)', 'coloc(?:ou|amos)', 'coloquei'],
  determiners: ['a', 'o', 'sua', 'seu', 'minha', 'meu'],
  prose: `
a o as os um uma uns umas sua seu suas seus minha meu dela dele isso isto esse essa este esta
de da do das dos em na no com sem para por e ou mas que quando como
é foi era está estava não sim muito pouco mais menos ainda já agora sempre nunca também
errada errado incorreta incorreto correta correto inválida invalida válida valida nova novo
antiga antigo atual temporária temporaria provisória provisoria igual mesma mesmo diferente
curta curto longa longo fraca fraco forte vazia vazio obrigatória obrigatoria
campo link mensagem regra usuário usuario aluno aluna pai mãe responsável conta portal escola
distrito data nascimento aniversário número numero nome sobrenome formato nota
`,
};
