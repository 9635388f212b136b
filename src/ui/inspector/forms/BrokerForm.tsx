import { DistributionEditor } from '../editors/DistributionEditor';
import { NumberField } from '../fields/NumberField';

/** A cluster member: its disk, how long a copy takes to reach the others, and how long an election takes (A1.13). */
export function BrokerForm() {
  return (
    <>
      <fieldset className="group">
        <legend>Cluster member</legend>
        <p className="field-hint">Queues and exchanges name the brokers that host them (in their own inspector). A crash of this
          broker takes down everything on it; a replicated queue fails over to another replica.</p>
        <NumberField path={['config', 'replicationDelayMs']} label="Replication delay" unit="ms" min={0} max={60_000}
          hint="One-way network time to the other members: how long a replica takes to get a copy."
          broker="A1.13 Raft log replication to followers" />
        <NumberField path={['config', 'electionDelayMs']} label="Election delay" unit="ms" min={0} max={600_000} step={100}
          hint="After the leader's broker dies, the survivors elect a new quorum-queue leader this much later; the queue is unavailable meanwhile."
          broker="A1.13 leader election (needs a majority alive)" />
      </fieldset>
      <fieldset className="group">
        <legend>Disk</legend>
        <DistributionEditor path={['config', 'diskWriteMs']} label="Disk write time" unit="ms" />
        <p className="field-hint">Writing a persistent message before it is confirmed; queues on this broker use it unless they set their own.
          <span className="field-broker">A1.12 durable queues, persistent messages (fsync)</span></p>
      </fieldset>
    </>
  );
}
