import { describe, expect, it } from 'vitest';
import { findFormFieldSecrets } from './form-fields';
import { findSecrets } from './find-secrets';

function flagged(text: string): string[] {
  return findSecrets(text).map((f) => text.slice(f.start, f.end));
}

function formValues(text: string): string[] {
  return findFormFieldSecrets(text).map((f) => text.slice(f.start, f.end));
}

describe('findFormFieldSecrets field names', () => {
  it('finds a JSON field with spaces before its colon', () => {
    expect(formValues('{"txtPassword" : "Bluejay#7"}')).toEqual(['Bluejay#7']);
    expect(formValues('{"txtPassword"\t:"Bluejay#7"}')).toEqual(['Bluejay#7']);
  });

  it('finds a quoted field name at the very start of the text', () => {
    expect(formValues('"pw": "Bluejay#7"')).toEqual(['Bluejay#7']);
  });

  it('finds the value in a JSON fragment cut just before its field name', () => {
    expect(flagged('txtPassword":"Bluejay#7","remember":true}')).toEqual(['Bluejay#7']);
    expect(flagged('pw":"Bluejay#7"}')).toEqual(['Bluejay#7']);
  });

  it('reads a bare name only when it touches the "=", leaving "pw = x" to the keyword detector', () => {
    expect(formValues('pw = Bluejay7x')).toEqual([]);
    expect(formValues('pw=Bluejay7x')).toEqual(['Bluejay7x']);
    expect(flagged('pw = Bluejay7x')).toEqual(['Bluejay7x']);
  });

  it('reads a bare field name at most 64 characters back from its "="', () => {
    const name64 = `pw${'_1'.repeat(31)}`;
    expect(name64).toHaveLength(64);
    expect(formValues(`x&${name64}=Bluejay7x`)).toEqual(['Bluejay7x']);
    // 65 characters: the 64 read are "w_1_1…", which names no password field.
    expect(formValues(`x&${name64}1=Bluejay7x`)).toEqual([]);
  });
});

describe('isPasswordFieldName through the form detector', () => {
  it('finds the password of a Rails or PHP form, whose field names end in "]"', () => {
    expect(flagged('user[login]=jdoe&user[password]=Bluejay7x')).toEqual(['Bluejay7x']);
  });

  it('reads past a confirmation suffix to the password word', () => {
    expect(formValues('user[password_confirmation]=Bluejay7x')).toEqual(['Bluejay7x']);
    expect(formValues('ctl00$MainContent$txtPasswordConfirm=Bluejay7x')).toEqual(['Bluejay7x']);
  });

  it('does not take a name made only of suffixes for a password field', () => {
    expect(formValues('confirm=Bluejay7x&field2=Robin8x')).toEqual([]);
  });
});

describe('findFormFieldSecrets values', () => {
  it('flags nothing for a password field at the end of the text', () => {
    expect(formValues('login?txtPassword=')).toEqual([]);
    expect(flagged('{"txtPassword": ')).toEqual([]);
  });

  it('takes a plain word in a password field as the password', () => {
    expect(formValues('user=jdoe&txtPassword=sunshine&remember=1')).toEqual(['sunshine']);
    expect(flagged('user=jdoe&txtPassword=sunshine&remember=1')).toEqual(['sunshine']);
  });

  it('does not flag a placeholder or a mask in a password field', () => {
    expect(flagged('{"username": "jdoe", "password": "[sealed]"}')).toEqual([]);
    expect(flagged('user=jdoe&txtPassword=********&remember=1')).toEqual([]);
  });

  it('finds an HTML or JSX password input whatever the case of its tag', () => {
    expect(flagged('<Input type="password" value="Bluejay#7" />')).toEqual(['Bluejay#7']);
    expect(flagged('<INPUT TYPE="PASSWORD" VALUE="Robin#8">')).toEqual(['Robin#8']);
  });
});
